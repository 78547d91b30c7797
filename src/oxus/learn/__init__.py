"""Learning the extraction model from gold documents, and measuring it honestly.

``samples`` runs the pipeline over the documents that have gold and keeps each one's
candidates; ``labels`` marks which candidates the gold confirms; ``fit`` trains one
linear scorer per fact family; ``crossval`` trains on some documents and scores the
others, so the figure reported is the one unseen articles will resemble.
"""

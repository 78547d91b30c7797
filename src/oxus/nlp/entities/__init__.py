"""Entity mentions: pack names, statistical NER, typing cues, linking and coreference."""

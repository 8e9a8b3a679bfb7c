"""The volunteer academy (志愿者学院): courses and training records."""

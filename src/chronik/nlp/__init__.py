"""German linguistic core: tokens, sentences, tags, named-entity mentions and in-document entities."""

"""Source documents into passages, embeddings and retrieval candidates."""

"""Parsing, chunking, embedding and the FAISS + lexical index."""

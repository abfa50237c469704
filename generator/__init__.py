"""Policy briefs: news articles in, a searchable MkDocs site of briefs out."""

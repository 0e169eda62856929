"""Who is who in an article: people, roles, pronouns, groups and organisations, for quotes and events alike."""

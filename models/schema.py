"""The JSON Schema of ``ArticleExtraction``, committed as ``models/article_extraction.schema.json``.

>>> '"ArticleExtraction"' in schema_json()
True
"""

from __future__ import annotations

import json
from pathlib import Path

from models.records import ArticleExtraction

SCHEMA_PATH = Path(__file__).with_name("article_extraction.schema.json")


def schema_json() -> str:
    return json.dumps(ArticleExtraction.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":  # python -m models.schema > models/article_extraction.schema.json
    print(schema_json(), end="")

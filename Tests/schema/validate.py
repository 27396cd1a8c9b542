#!/usr/bin/env python3
"""Validate articled analysis JSON documents against docs/analysis.schema.json.

Usage: validate.py SCHEMA FILE...

Each FILE holds one JSON document, or several as JSON Lines (one per line, as
`articled analyze` prints for several inputs); `-` reads standard input.
Beyond the schema, it checks what JSON Schema cannot express: every span lies
inside `text`, spans are ordered, excerpt texts equal the code-point slice of
`text`, stats match the arrays, and quote speakers refer to existing entities.

Exit status: 0 when every document is valid, 1 when one is not, 2 on usage
errors or when the `jsonschema` package is missing (pip install jsonschema).
"""
import json
import sys


def documents(path):
    data = sys.stdin.read() if path == "-" else open(path, encoding="utf-8").read()
    stripped = data.strip()
    if not stripped:
        raise ValueError("empty file")
    try:
        yield json.loads(stripped)
        return
    except json.JSONDecodeError:
        pass
    for number, line in enumerate(data.splitlines(), 1):
        if line.strip():
            try:
                yield json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"line {number}: {error}") from None


def semantic_errors(doc):
    """Checks on offsets and cross references (Python strings index by code point)."""
    errors = []
    text = doc["text"]
    n = len(text)

    def span(where, start, end):
        if not (0 <= start <= end <= n):
            errors.append(f"{where}: span [{start}, {end}) outside text of {n} code points")
            return False
        return True

    def excerpt(where, item):
        if span(where, item["start"], item["end"]) and text[item["start"]:item["end"]] != item["text"]:
            errors.append(f"{where}: text {item['text']!r} is not text[{item['start']}:{item['end']}] = {text[item['start']:item['end']]!r}")

    for name in ("paragraphs", "sentences"):
        previous = 0
        for i, (start, end) in enumerate(doc[name]):
            if span(f"{name}[{i}]", start, end):
                if start < previous:
                    errors.append(f"{name}[{i}]: overlaps or is out of order")
                if start == end:
                    errors.append(f"{name}[{i}]: empty span")
                elif text[start].isspace() or text[end - 1].isspace():
                    errors.append(f"{name}[{i}]: starts or ends with white space")
                previous = end
    for i, (start, end) in enumerate(doc["sentences"]):
        if not any(p0 <= start and end <= p1 for p0, p1 in doc["paragraphs"]):
            errors.append(f"sentences[{i}]: not inside one paragraph")
    stats = doc["stats"]
    if stats["paragraphs"] != len(doc["paragraphs"]):
        errors.append("stats.paragraphs differs from len(paragraphs)")
    if stats["sentences"] != len(doc["sentences"]):
        errors.append("stats.sentences differs from len(sentences)")
    if doc["paragraphs"] and "\n\n".join(text[s:e] for s, e in doc["paragraphs"]) != text:
        errors.append("paragraphs joined by a blank line do not give text")

    ids = set()
    for i, entity in enumerate(doc["entities"]):
        if entity["id"] in ids:
            errors.append(f"entities[{i}]: duplicate id {entity['id']}")
        ids.add(entity["id"])
        for j, mention in enumerate(entity["mentions"]):
            excerpt(f"entities[{i}].mentions[{j}]", mention)
    for i, quote in enumerate(doc["quotes"]):
        span(f"quotes[{i}]", quote["start"], quote["end"])
        speaker = quote["speaker"]
        if speaker and speaker["entity"] is not None and speaker["entity"] not in ids:
            errors.append(f"quotes[{i}]: speaker entity {speaker['entity']} is not in entities")
    for i, item in enumerate(doc["summary"]):
        excerpt(f"summary[{i}]", item)
    for i, date in enumerate(doc["dates"]):
        excerpt(f"dates[{i}]", date)
    tone = doc["tone"]
    if tone:
        for key in ("most_negative", "most_positive"):
            if tone[key]:
                excerpt(f"tone.{key}", tone[key])
        if doc["paragraphs"] and len(tone["paragraphs"]) != len(doc["paragraphs"]):
            errors.append("tone.paragraphs differs in length from paragraphs")
    for stage in doc["skipped"]:
        if doc[stage] not in ([], None):
            errors.append(f"{stage} is skipped but not empty")
    return errors


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate.py: the python package jsonschema is missing (pip install jsonschema)", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as handle:
        schema = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)

    failures = 0
    count = 0
    for path in argv[2:]:
        try:
            docs = list(documents(path))
        except (OSError, ValueError) as error:
            print(f"{path}: cannot read JSON: {error}", file=sys.stderr)
            failures += 1
            continue
        for number, doc in enumerate(docs, 1):
            count += 1
            where = path if len(docs) == 1 else f"{path}#{number}"
            problems = [
                f"{'/'.join(str(p) for p in error.absolute_path) or '(root)'}: {error.message}"
                for error in sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
            ]
            if not problems:
                problems = semantic_errors(doc)
            if problems:
                failures += 1
                print(f"{where}: INVALID", file=sys.stderr)
                for problem in problems[:20]:
                    print(f"  {problem}", file=sys.stderr)
    print(f"validate.py: {count - failures} of {count} documents valid" if count else "validate.py: no documents")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

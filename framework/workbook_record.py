"""data/workbook.yaml: the self-evaluation workbook's record (its format, version and fields), read and checked.

parse.py reads the YAML with the line of every key; the small pydantic model below declares its shape (strict,
unknown keys refused), then the checks that need the whole file. A problem stops the build with
`data/workbook.yaml:LINE: what is wrong`, as for data/framework.yaml. The Excel audit workbook
(outputs/downloads.py) reads the record from here, and the pages' data island carries it to the browser
(for_browser): the import's checks, the form's limits, the CSV columns and headings, and a priority's plan (`plan:`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from .messages import checked_file, line_of
from .parse import FrameworkError, parse_yaml, shown_path
from .schema import Id, Text

# a field's id is a key in saved work and JavaScript and a CSV heading: lower-case letters, digits and "_"
FieldId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]

PATH = Path(__file__).resolve().parent.parent / "data" / "workbook.yaml"

# the fields the browser's code gives a meaning of their own (the tier drop-down, the priority tick, the case
# studies chosen); every other field is text or a date, which the code handles by its kind alone
NEEDED = {"statement": {"tier": "tier", "evidence": "text", "priority": "yes-no", "case_studies": "case-studies"},
          "evaluation": {"school": "text", "date": "date"}}


class RecordField(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    id: FieldId
    kind: Literal["text", "date", "yes-no", "tier", "case-studies"]
    label: Text
    short: Text | None = None
    headings: list[Text] = Field(default_factory=list)
    limit: int | None = Field(default=None, gt=0, le=1_000_000)


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    format: Id
    version: int = Field(gt=0)
    reads_versions: list[int]
    evaluation: list[RecordField]
    statement: list[RecordField]
    plan: list[FieldId] = Field(min_length=1)
    excel: list[FieldId]
    excel_widths: dict[str, int] = Field(default_factory=dict)

    def field(self, field_id: str) -> RecordField:
        return next(f for f in [*self.statement, *self.evaluation] if f.id == field_id)

    def for_browser(self) -> dict:
        """What the browser's workbook reads (the data island's "record"): no Excel layout."""
        def short(f: RecordField) -> dict:
            out = {"id": f.id, "kind": f.kind, "label": f.label}
            if f.short:
                out["short"] = f.short
            if f.headings:
                out["headings"] = f.headings
            if f.limit is not None:
                out["limit"] = f.limit
            return out
        return {"format": self.format, "version": self.version, "reads_versions": self.reads_versions,
                "evaluation": [short(f) for f in self.evaluation], "statement": [short(f) for f in self.statement],
                "plan": self.plan}


def _problems(record: Record) -> list[tuple[tuple, str]]:
    problems = []
    if record.version not in record.reads_versions:
        problems.append((("version",), f"version {record.version} is not in reads_versions: an import could not "
                                       f"read what the export writes"))
    seen: set[str] = set()
    for part in ("evaluation", "statement"):
        fields = getattr(record, part)
        for n, f in enumerate(fields):
            if f.id in seen:
                problems.append(((part, n, "id"), f"{part} › {f.id}: a second field with this id: ids are keys in "
                                                  f"saved work and exports, so each is used once"))
            seen.add(f.id)
            if (f.kind == "text") != (f.limit is not None):
                problems.append(((part, n), f"{part} › {f.id}: a text field needs a `limit` (the most characters "
                                            f"the form takes), and only a text field has one"))
        kinds = {f.id: f.kind for f in fields}
        for field_id, kind in NEEDED[part].items():
            if kinds.get(field_id) != kind:
                problems.append(((part,), f"{part}: the workbook's code needs a field `{field_id}` of kind {kind}"))
    statement_kinds = {f.id: f.kind for f in record.statement}
    for part in ("plan", "excel"):
        for n, field_id in enumerate(getattr(record, part)):
            if field_id not in statement_kinds:
                problems.append(((part, n), f"{part}: `{field_id}` is not a field under statement:"))
            elif getattr(record, part).index(field_id) != n:
                problems.append(((part, n), f"{part}: `{field_id}` is listed twice"))
            elif part == "plan" and statement_kinds[field_id] not in ("text", "date"):
                problems.append(((part, n), f"plan: `{field_id}` is a field of kind {statement_kinds[field_id]}: "
                                            f"a priority's plan is written, so its fields are text or dates"))
    if "tier" not in record.excel:
        problems.append((("excel",), "excel: the Summary sheet counts the judgements of the `tier` column: list it"))
    for field_id in record.excel_widths:
        if field_id not in seen:
            problems.append((("excel_widths", field_id), f"excel_widths: `{field_id}` is not a field"))
    return problems


def load_record(path: Path = PATH) -> Record:
    """The record, checked; FrameworkError naming each problem's line otherwise."""
    shown, tree = shown_path(path), parse_yaml(path)
    record = checked_file(Record, path, tree)
    found = [(line_of(tree, loc), message) for loc, message in _problems(record)]
    if found:
        raise FrameworkError("\n".join(f"{shown}:{line}: {m}" for line, m in sorted(found)))
    return record

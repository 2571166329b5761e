#!/usr/bin/env python3
"""Writes Sources/Render/BuiltInTemplates.swift from report-templates/ (the mustache templates
and the stylesheet), and BuiltInEnglish.swift / BuiltInGerman.swift from its strings/ catalogues,
so that the journeys binary renders its pages with no templates folder.
Run it after editing a template or a catalogue; a test fails while they differ."""
import os

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FILES = [("report", "report.mustache"), ("index", "index.mustache"), ("diff", "diff.mustache"), ("css", "report.css")]

out = ["/// The templates and stylesheet of `report-templates/` as journeys ships them, so that the binary",
       "/// renders its pages anywhere, without the folder. Written by `scripts/embed_templates.py`; a",
       "/// test keeps them the same as the files.",
       "enum BuiltInTemplates {"]
for name, file in FILES:
    text = open(os.path.join(ROOT, "report-templates", file), encoding="utf-8").read()
    assert '"""#' not in text, file
    out.append(f"    /// `report-templates/{file}`")
    out.append(f'    static let {name} = #"""')
    out.append(text[:-1] if text.endswith("\n") else text)  # the literal ends with the file's last newline
    if text.endswith("\n"):
        out.append("")
    out.append('"""#')
out.append("")
out.append("    /// By template name, as `ReportTemplates.templateNames` names them.")
out.append('    static let templates: [String: String] = ["report": report, "index": index, "diff": diff]')
out.append("}")
with open(os.path.join(ROOT, "Sources/Render/BuiltInTemplates.swift"), "w", encoding="utf-8") as f:
    f.write("\n".join(out) + "\n")

# The catalogues: each `strings/<locale>.json` pasted between the delimiters of its Swift file.
for locale, swift in [("en", "BuiltInEnglish.swift"), ("de", "BuiltInGerman.swift")]:
    path = os.path.join(ROOT, "Sources/Render", swift)
    source = open(path, encoding="utf-8").read()
    head = source[:source.index('#"""\n') + len('#"""\n')]
    tail = source[source.rindex('\n"""#'):]
    text = open(os.path.join(ROOT, "report-templates/strings", locale + ".json"), encoding="utf-8").read()
    assert '"""#' not in text, locale
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + text.rstrip("\n") + tail)

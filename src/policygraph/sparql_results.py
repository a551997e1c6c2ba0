"""SPARQL results in the W3C formats, written from a (possibly capped) list of solutions.

pyoxigraph serialises a whole result stream; an endpoint that caps results needs to write the rows it
kept, so the four result formats are written here from pyoxigraph terms, following the W3C
"SPARQL 1.1 Query Results JSON / XML / CSV and TSV Formats" recommendations.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from xml.etree import ElementTree as ET

import pyoxigraph as ox

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
SPARQL_RESULTS_NS = "http://www.w3.org/2005/sparql-results#"

Row = Sequence[ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None]

MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}


def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                        "predicate": _json_term(term.predicate),
                                        "object": _json_term(term.object)}}


def to_json(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """
    >>> to_json(["x"], [[ox.Literal("中原区", language="zh")]]).decode()
    '{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"type": "literal", "value": "中原区", "xml:lang": "zh"}}]}}'
    """
    bindings = [{v: _json_term(t) for v, t in zip(variables, row, strict=True) if t is not None} for row in rows]
    return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")


def _xml_term(parent: ET.Element, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> None:
    if isinstance(term, ox.NamedNode):
        ET.SubElement(parent, "uri").text = term.value
    elif isinstance(term, ox.BlankNode):
        ET.SubElement(parent, "bnode").text = term.value
    elif isinstance(term, ox.Literal):
        lit = ET.SubElement(parent, "literal")
        lit.text = term.value
        if term.language:
            lit.set("xml:lang", term.language)
        elif term.datatype.value != XSD_STRING:
            lit.set("datatype", term.datatype.value)
    else:
        triple = ET.SubElement(parent, "triple")
        for name in ("subject", "predicate", "object"):
            _xml_term(ET.SubElement(triple, name), getattr(term, name))


def to_xml(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    root = ET.Element("sparql", xmlns=SPARQL_RESULTS_NS)
    head = ET.SubElement(root, "head")
    for v in variables:
        ET.SubElement(head, "variable", name=v)
    results = ET.SubElement(root, "results")
    for row in rows:
        result = ET.SubElement(results, "result")
        for v, term in zip(variables, row, strict=True):
            if term is not None:
                _xml_term(ET.SubElement(result, "binding", name=v), term)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def to_csv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """CSV keeps values only (no datatype or language), as the W3C format says."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if t is None else t.value if not isinstance(t, ox.Triple) else str(t) for t in row])
    return buffer.getvalue().encode("utf-8")


def to_tsv(variables: Sequence[str], rows: Sequence[Row]) -> bytes:
    """TSV writes terms in their SPARQL / N-Triples form.

    >>> to_tsv(["s", "n"], [[ox.NamedNode("http://x/a"), ox.Literal("1")]]).decode()
    '?s\\t?n\\n<http://x/a>\\t"1"\\n'
    """
    lines = ["\t".join(f"?{v}" for v in variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


WRITERS = {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}


def boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer; CSV and TSV have no boolean form, so they carry the word."""
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt == "xml":
        root = ET.Element("sparql", xmlns=SPARQL_RESULTS_NS)
        ET.SubElement(root, "head")
        ET.SubElement(root, "boolean").text = str(value).lower()
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return f"{'_askResult' if fmt == 'csv' else '?_askResult'}\n{str(value).lower()}\n".encode()

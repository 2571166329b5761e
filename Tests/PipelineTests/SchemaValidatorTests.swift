import Foundation
import Testing

/// The tests' JSON Schema validator on a small schema shaped like report.json: a valid document
/// passes, and each keyword rejects a document that breaks it, at the right place.
@Suite struct SchemaValidatorTests {
    static let schema = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "https://journeys.invalid/test.schema.json",
          "title": "a small report",
          "type": "object",
          "required": ["schemaVersion", "kpis", "funnel", "period"],
          "additionalProperties": false,
          "properties": {
            "schemaVersion": { "const": 1 },
            "kpis": {
              "type": "object",
              "patternProperties": { "^[a-z][a-z0-9]*(_[a-z0-9]+)*$": { "$ref": "#/$defs/kpi" } },
              "additionalProperties": false
            },
            "funnel": {
              "type": "array",
              "prefixItems": [{ "$ref": "#/$defs/step", "properties": { "step": { "const": "product_view" } } }],
              "items": { "$ref": "#/$defs/step" },
              "minItems": 1,
              "maxItems": 3
            },
            "period": {
              "type": "object",
              "additionalProperties": { "type": "string", "minLength": 1 },
              "properties": { "name": { "type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$" } }
            },
            "all": { "anyOf": [{ "type": "object" }, { "type": "null" }] },
            "gone": false
          },
          "$defs": {
            "kpi": {
              "type": "object",
              "required": ["unit", "value"],
              "additionalProperties": false,
              "properties": {
                "unit": { "enum": ["count", "ratio", "money"] },
                "value": { "type": ["number", "null"], "minimum": 0, "maximum": 1000 },
                "rank": { "type": "integer", "exclusiveMinimum": 0 }
              }
            },
            "step": {
              "type": "object",
              "required": ["step", "visits"],
              "additionalProperties": false,
              "properties": {
                "step": { "enum": ["product_view", "add_to_cart"] },
                "visits": { "allOf": [{ "type": "integer" }, { "minimum": 0 }] }
              }
            }
          }
        }
        """#

    static let valid = #"""
        {
          "schemaVersion": 1,
          "kpis": {
            "visits": { "unit": "count", "value": 300, "rank": 1 },
            "bounce_rate": { "unit": "ratio", "value": 0.4548 },
            "aov": { "unit": "money", "value": null }
          },
          "funnel": [{ "step": "product_view", "visits": 120 }, { "step": "add_to_cart", "visits": 12.0 }],
          "period": { "name": "2026-W47", "timeZone": "Europe/Berlin" },
          "all": null
        }
        """#

    func validator() throws -> SchemaValidator { try SchemaValidator(schemaText: Self.schema) }

    /// The violations of the valid document with `path` set to `value` (JSON text; nil removes it).
    func violations(_ path: String, _ value: String?) throws -> [SchemaValidator.Violation] {
        let document = try JSONValue.parse(Self.valid)
        let keys = path.split(separator: "/").map(String.init)
        return try validator().validate(document.setting(keys, to: try value.map { try JSONValue.parse($0) }))
    }

    @Test func aValidDocumentPasses() throws {
        #expect(try validator().validate(JSONValue.parse(Self.valid)) == [])
    }

    /// A change to the valid document and the violation it must cause.
    struct Breakage: Sendable, CustomTestStringConvertible {
        /// Keys and indexes to the changed value, `/`-separated.
        var path: String
        /// The new value as JSON text; nil removes the value.
        var value: String?
        /// Where the violation is reported (a JSON pointer) and by which keyword.
        var pointer: String
        var keyword: String
        var testDescription: String { "\(keyword) at \(pointer.isEmpty ? "/" : pointer)" }

        init(_ path: String, _ value: String?, _ pointer: String, _ keyword: String) {
            self.path = path; self.value = value; self.pointer = pointer; self.keyword = keyword
        }
    }

    @Test(arguments: [
        Breakage("kpis/visits/value", #""300""#, "/kpis/visits/value", "type"),
        Breakage("kpis/visits/value", "true", "/kpis/visits/value", "type"),
        Breakage("kpis/visits/rank", "1.5", "/kpis/visits/rank", "type"),
        Breakage("funnel/0/visits", "-1", "/funnel/0/visits", "minimum"),
        Breakage("kpis/visits/value", "1000.01", "/kpis/visits/value", "maximum"),
        Breakage("kpis/visits/rank", "0", "/kpis/visits/rank", "exclusiveMinimum"),
        Breakage("kpis/visits/unit", #""visits""#, "/kpis/visits/unit", "enum"),
        Breakage("schemaVersion", "2", "/schemaVersion", "const"),
        Breakage("funnel/0/step", #""add_to_cart""#, "/funnel/0/step", "const"),
        Breakage("kpis/visits/value", nil, "/kpis/visits", "required"),
        Breakage("period", nil, "", "required"),
        Breakage("kpis/visits/extra", "1", "/kpis/visits/extra", "additionalProperties"),
        Breakage("kpis/Visits", #"{"unit": "count", "value": 1}"#, "/kpis/Visits", "additionalProperties"),
        Breakage("kpis/orders", #"{"unit": "count"}"#, "/kpis/orders", "required"),
        Breakage("period/timeZone", #""""#, "/period/timeZone", "minLength"),
        Breakage("period/locale", "7", "/period/locale", "type"),
        Breakage("period/name", #""week 47""#, "/period/name", "pattern"),
        Breakage("funnel/2", #"{"step": "checkout", "visits": 1}"#, "/funnel/2/step", "enum"),
        Breakage("funnel/2", #"{"step": "add_to_cart", "visits": 1, "x": 0}"#, "/funnel/2/x", "additionalProperties"),
        Breakage("funnel", "[]", "/funnel", "minItems"),
        Breakage("funnel", #"[{"step": "product_view", "visits": 1}, {"step": "add_to_cart", "visits": 1}, {"step": "add_to_cart", "visits": 1}, {"step": "add_to_cart", "visits": 1}]"#, "/funnel", "maxItems"),
        Breakage("funnel/1/visits", "0.5", "/funnel/1/visits", "type"),
        Breakage("all", "[]", "/all", "anyOf"),
        Breakage("gone", "0", "/gone", "false"),
        Breakage("funnel", #"{"0": {}}"#, "/funnel", "type"),
    ] as [Breakage])
    func eachKeywordRejectsAtItsPath(_ b: Breakage) throws {
        let found = try violations(b.path, b.value)
        #expect(found.contains { $0.path == b.pointer && $0.keyword == b.keyword },
                "setting \(b.path) to \(b.value ?? "nothing"): expected \(b.keyword) at \(b.pointer), found \(found)")
    }

    @Test func typeListsAndIntegers() throws {
        let v = try validator()
        for value in ["null", "0", "0.25", "1000", "1e2"] {
            #expect(try v.validate(JSONValue.parse(Self.valid).setting(["kpis", "visits", "value"], to: JSONValue.parse(value))) == [], "\(value)")
        }
        // 12.0 and 1e1 are integers, as 2020-12 counts them
        #expect(try violations("funnel/1/visits", "1e1") == [])
        #expect(try violations("kpis/visits/rank", "3.0") == [])
    }

    @Test func messagesNameThePointerAndTheValue() throws {
        let found = try violations("kpis/visits/value", #""300""#)
        #expect(found.map(\.description) == [#"/kpis/visits/value: type: expected number or null, found string "300""#])
        // keys with "/" and "~" are escaped in the pointer (RFC 6901)
        let odd = try validator().validate(JSONValue.parse(Self.valid).setting(["kpis", "a~b/c"], to: .object([])))
        #expect(odd.map(\.path) == ["/kpis/a~0b~1c"])
    }

    @Test func schemasItCannotCheckAreRefused() {
        func problems(_ text: String) -> String {
            do {
                _ = try SchemaValidator(schemaText: text)
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(problems(#"{"type": "object", "properties": {"a": {"multipleOf": 0.01}}}"#).contains("#/properties/a/multipleOf: keyword not supported"))
        #expect(problems(##"{"$ref": "#/$defs/nothing"}"##).contains("does not resolve"))
        #expect(problems(#"{"pattern": "("}"#).contains("is not a regular expression"))
        #expect(problems(#"{"type": "float"}"#).contains("expects a type name"))
        #expect(problems(#"{"properties": {"a": 1}}"#).contains("a schema is an object or a boolean"))
        #expect(problems(#"{"minItems": -1}"#).contains("whole number"))
        #expect(problems(Self.schema) == "")
    }

    @Test func theParserIsStrictJSON() {
        for bad in ["NaN", #"{"a": Infinity}"#, "[1,]", #"{"a": 1, "a": 2}"#, "01", "1.", "[1] 2", #""\x""#, "-", "{'a': 1}"] {
            #expect(throws: JSONParseError.self, "\(bad)") { try JSONValue.parse(bad) }
        }
        let value = try? JSONValue.parse(#" {"x": [0.0413, -1e-05, "\u00e9\ud83d\ude00", true, null]} "#)
        #expect(value?["x"]?[0]?.description == "0.0413")
        #expect(value?["x"]?[1]?.number == -0.00001)
        #expect(value?["x"]?[2]?.string == "é😀")
    }

    @Test func decimalsAreCountedOnTheLiteral() {
        #expect(ReportDecimals.decimals("0.0413") == 4)
        #expect(ReportDecimals.decimals("12") == 0)
        #expect(ReportDecimals.decimals("-3.5") == 1)
        #expect(ReportDecimals.decimals("1e-05") == 5)
        #expect(ReportDecimals.decimals("1.25E1") == 1)
        #expect(ReportDecimals.decimals("1.5e2") == 0)
        #expect(ReportDecimals.decimals("0.30000000000000004") == 17)
    }
}

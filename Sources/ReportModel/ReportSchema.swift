/// The JSON Schema (draft 2020-12) of report.json, schema 1: what `ReportCoding.swift` writes, as
/// a strict description (closed objects, keyed sets, null only where a denominator can be 0), with
/// the units and roundings of the fields. `journeys schema` prints it; the pipeline tests hold
/// every report.json they write against it. A Swift string rather than a bundle resource, so that
/// a `journeys` binary copied anywhere still has it.
package enum ReportSchema {
    /// The schema's `$id`: a name, never fetched.
    package static let id = "https://journeys.invalid/report.schema.json"

    /// The schema, as JSON text (no trailing newline).
    package static let json = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://journeys.invalid/report.schema.json",
  "title": "journeys report.json, schema 1",
  "description": "Every number of one period's customer-journey report, as `journeys report` writes it beside the page (output/<period>/report.json). Keys are sorted; sets whose order means nothing are objects keyed by stable ids, ordered lists carry ids. Numbers are rounded where they are computed: money in currency units of period.currency with at most 2 decimals (cents), rates and shares as fractions 0..1 with at most 4 decimals, counts exact. A value whose denominator is 0 is null, never NaN. `journeys schema` prints this schema.",
  "type": "object",
  "required": ["schemaVersion", "period", "input", "sessionRules", "kpis", "cohorts", "lifecycle", "funnel", "journeyMap", "channels", "disagreements", "segments", "journeyLengths", "loops", "paths", "buyingPaths", "touchpointRules", "satisfaction", "customerValue", "clvModel"],
  "additionalProperties": false,
  "properties": {
    "schemaVersion": {
      "description": "The version of this layout; a comparison reads only reports of the same version.",
      "const": 1
    },
    "period": { "$ref": "#/$defs/period" },
    "input": { "$ref": "#/$defs/input" },
    "sessionRules": { "$ref": "#/$defs/sessionRules" },
    "kpis": {
      "description": "The key figures, keyed by their snake_case id (docs/definitions.md, Key figures). The ids below are always there; a later KPI adds a key of the same form.",
      "type": "object",
      "required": ["visitors", "new_visitors", "visits", "page_views", "pages_per_visit", "visit_duration", "bounce_rate", "conversion_rate", "visitor_conversion", "orders", "revenue", "aov", "cart_abandonment", "purchase_frequency", "repeat_purchase_rate", "days_to_purchase", "visits_to_purchase"],
      "properties": {
        "visitors": { "$ref": "#/$defs/countKPI" },
        "new_visitors": { "$ref": "#/$defs/ratioKPI" },
        "visits": { "$ref": "#/$defs/countKPI" },
        "page_views": { "$ref": "#/$defs/countKPI" },
        "pages_per_visit": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "number" } } },
        "visit_duration": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "seconds" } } },
        "bounce_rate": { "$ref": "#/$defs/ratioKPI" },
        "conversion_rate": { "$ref": "#/$defs/ratioKPI" },
        "visitor_conversion": { "$ref": "#/$defs/ratioKPI" },
        "orders": { "$ref": "#/$defs/countKPI" },
        "revenue": { "$ref": "#/$defs/moneyKPI", "properties": { "value": { "$ref": "#/$defs/money" } } },
        "aov": { "$ref": "#/$defs/moneyKPI" },
        "cart_abandonment": { "$ref": "#/$defs/ratioKPI" },
        "purchase_frequency": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "number" } } },
        "repeat_purchase_rate": { "$ref": "#/$defs/ratioKPI" },
        "days_to_purchase": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "days" } } },
        "visits_to_purchase": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "number" } } },
        "predicted_clv_52w": {
          "$ref": "#/$defs/moneyKPI",
          "description": "With a history only: the mean over the history's customers of their expected purchases in the next 52 weeks (BG/NBD) x their expected value per purchase (Gamma-Gamma), undiscounted; null when either fit is not stable (clvModel.reason says why)."
        }
      },
      "patternProperties": {
        "^[a-z][a-z0-9]*(_[a-z0-9]+)*$": { "$ref": "#/$defs/kpi" }
      },
      "additionalProperties": false
    },
    "orderValues": {
      "description": "Count, mean and sample standard deviation of the period's order values, for the noise tests of revenue and AOV. Absent when the period has no order.",
      "type": "object",
      "required": ["count", "mean", "standardDeviation"],
      "additionalProperties": false,
      "properties": {
        "count": { "description": "Orders of the period.", "type": "integer", "minimum": 1 },
        "mean": { "$ref": "#/$defs/money", "description": "Mean order value, in currency units with at most 2 decimals." },
        "standardDeviation": { "$ref": "#/$defs/money", "description": "Sample standard deviation of the order values (0 for a single order), in currency units with at most 2 decimals." }
      }
    },
    "funnel": {
      "description": "The closed purchase funnel: visits of the period that reached a step and every step before it, one row per step in funnel order.",
      "type": "array",
      "prefixItems": [
        { "$ref": "#/$defs/funnelRow", "properties": { "step": { "const": "product_view" } } },
        { "$ref": "#/$defs/funnelRow", "properties": { "step": { "const": "add_to_cart" } } },
        { "$ref": "#/$defs/funnelRow", "properties": { "step": { "const": "checkout" } } },
        { "$ref": "#/$defs/funnelRow", "properties": { "step": { "const": "purchase" } } }
      ],
      "items": false,
      "minItems": 4
    },
    "journeyMap": {
      "description": "Touchpoints of the period's visits and the transitions between consecutive touchpoints of a visit.",
      "type": "object",
      "required": ["nodes", "links"],
      "additionalProperties": false,
      "properties": {
        "nodes": {
          "description": "Touchpoints with a view in the period, keyed by touchpoint name (`name @ phase` for a name that stands in two phases).",
          "type": "object",
          "additionalProperties": { "$ref": "#/$defs/mapNode" }
        },
        "links": {
          "description": "Transitions keyed by `from -> to` (node keys).",
          "type": "object",
          "patternProperties": {
            "^.+ -> .+$": { "$ref": "#/$defs/mapLink" }
          },
          "additionalProperties": false
        }
      }
    },
    "channels": {
      "description": "Per channel of the period's visits (and channels that only earned attribution credit), keyed by channel id.",
      "type": "object",
      "patternProperties": {
        "^(organic_search|paid_search|paid_social|organic_social|email|referral|direct)$": { "$ref": "#/$defs/channelRow" }
      },
      "additionalProperties": false
    },
    "disagreements": {
      "description": "Channels whose credit differs most between the attribution models (a spread of at least 10% of the orders), largest spread first.",
      "type": "array",
      "items": { "$ref": "#/$defs/disagreement" }
    },
    "segments": {
      "description": "The period's visits by device class and by new versus returning visitor, keyed by `dimension:segment`.",
      "type": "object",
      "patternProperties": {
        "^(device:(desktop|mobile|tablet)|visitor:(new|returning))$": { "$ref": "#/$defs/segmentRow" }
      },
      "additionalProperties": false
    },
    "journeyLengths": {
      "description": "People of the period by the number of visits of their journey in the lookback window, one row per bucket in order.",
      "type": "array",
      "prefixItems": [
        { "$ref": "#/$defs/journeyLengthRow", "properties": { "visits": { "const": "1" } } },
        { "$ref": "#/$defs/journeyLengthRow", "properties": { "visits": { "const": "2" } } },
        { "$ref": "#/$defs/journeyLengthRow", "properties": { "visits": { "const": "3–4" } } },
        { "$ref": "#/$defs/journeyLengthRow", "properties": { "visits": { "const": "5+" } } }
      ],
      "items": false,
      "minItems": 4
    },
    "loops": {
      "description": "The most common back-and-forth moves within a visit (A -> B -> A), most visits first.",
      "type": "array",
      "items": { "$ref": "#/$defs/loopRow" },
      "maxItems": 6
    },
    "paths": {
      "description": "The most common visit paths (touchpoints in order, repeats folded), most visits first.",
      "type": "array",
      "items": { "$ref": "#/$defs/pathRow" },
      "maxItems": 12
    },
    "buyingPaths": {
      "description": "The most common paths of visits with a purchase, most visits first.",
      "type": "array",
      "items": { "$ref": "#/$defs/pathRow" },
      "maxItems": 12
    },
    "touchpointRules": {
      "description": "How the touchpoint rules fitted the period's pages.",
      "type": "object",
      "required": ["unmatchedPaths", "unusedRules"],
      "additionalProperties": false,
      "properties": {
        "unmatchedPaths": {
          "description": "The most viewed paths no rule matched (addresses masked), most views first.",
          "type": "array",
          "maxItems": 15,
          "items": {
            "type": "object",
            "required": ["path", "views"],
            "additionalProperties": false,
            "properties": {
              "path": { "type": "string" },
              "views": { "type": "integer", "minimum": 1 }
            }
          }
        },
        "unusedRules": {
          "description": "Touchpoint names of rules that matched no page view.",
          "type": "array",
          "items": { "type": "string" }
        }
      }
    },
    "cohorts": {
      "description": "Customers by the month of their first purchase in the history, and the share of each cohort that ordered in each month since; null without a history.",
      "anyOf": [
        { "type": "null" },
        {
          "type": "object", "required": ["monthsSince", "rows"], "additionalProperties": false,
          "properties": {
            "monthsSince": { "type": "integer", "minimum": 1 },
            "rows": {
              "type": "array",
              "items": {
                "type": "object", "required": ["cohort", "customers", "buyers", "shares"], "additionalProperties": false,
                "properties": {
                  "cohort": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" },
                  "customers": { "type": "integer", "minimum": 1 },
                  "buyers": { "type": "array", "items": { "type": ["integer", "null"], "minimum": 0 } },
                  "shares": { "description": "buyers / customers, at 4 decimals; null for months not reached yet.", "type": "array", "items": { "type": ["number", "null"], "minimum": 0, "maximum": 1 } }
                }
              }
            }
          }
        }
      ]
    },
    "lifecycle": {
      "description": "The history's customers by where they stand in the period's last ISO week (new, returning: a visit in the 8 weeks to it, resurrected: back after 8+ weeks, dormant: last visit 8-25 weeks ago, lost: 26+), and the moves since the week before; null without a history.",
      "anyOf": [
        { "type": "null" },
        {
          "type": "object", "required": ["week", "counts", "flows"], "additionalProperties": false,
          "properties": {
            "week": { "type": "string", "pattern": "^[0-9]{4}-W[0-9]{2}$" },
            "counts": {
              "type": "object", "required": ["new", "returning", "resurrected", "dormant", "lost"], "additionalProperties": false,
              "properties": {
                "new": { "type": "integer", "minimum": 0 }, "returning": { "type": "integer", "minimum": 0 },
                "resurrected": { "type": "integer", "minimum": 0 }, "dormant": { "type": "integer", "minimum": 0 },
                "lost": { "type": "integer", "minimum": 0 }
              }
            },
            "flows": {
              "type": "array",
              "items": {
                "type": "object", "required": ["from", "to", "customers"], "additionalProperties": false,
                "properties": {
                  "from": { "enum": ["new", "returning", "resurrected", "dormant", "lost", null] },
                  "to": { "enum": ["new", "returning", "resurrected", "dormant", "lost"] },
                  "customers": { "type": "integer", "minimum": 1 }
                }
              }
            }
          }
        }
      ]
    },
    "satisfaction": {
      "description": "Survey scores of the period's visits.",
      "type": "object",
      "required": ["nps", "csat", "ces"],
      "additionalProperties": false,
      "properties": {
        "nps": {
          "$ref": "#/$defs/score",
          "description": "Net promoter score: % promoters (9-10) minus % detractors (0-6) of the answers 0-10, at 1 decimal; mean answer at 2 decimals.",
          "properties": {
            "value": { "type": ["number", "null"], "minimum": -100, "maximum": 100 },
            "mean": { "type": ["number", "null"], "minimum": 0, "maximum": 10 }
          }
        },
        "csat": {
          "$ref": "#/$defs/score",
          "description": "Customer satisfaction: % of answers 5 of 1-5 (top box), at 1 decimal; mean answer at 2 decimals.",
          "properties": {
            "value": { "type": ["number", "null"], "minimum": 0, "maximum": 100 },
            "mean": { "type": ["number", "null"], "minimum": 1, "maximum": 5 }
          }
        },
        "ces": {
          "$ref": "#/$defs/score",
          "description": "Customer effort score: % of answers 7 (very easy) of 1-7 (top box), at 1 decimal; mean answer at 2 decimals.",
          "properties": {
            "value": { "type": ["number", "null"], "minimum": 0, "maximum": 100 },
            "mean": { "type": ["number", "null"], "minimum": 1, "maximum": 7 }
          }
        }
      }
    },
    "customerValue": {
      "description": "Customer lifetime value (AOV x purchases per year x lifespan) from the buyers of the data window: all, per first channel, per spend tier.",
      "type": "object",
      "required": ["windowDays", "lifespanYears", "channels", "tiers", "all"],
      "additionalProperties": false,
      "properties": {
        "windowDays": { "description": "Days of data read up to the period's end, whole days rounded up.", "type": "integer", "minimum": 1 },
        "lifespanYears": { "description": "The configured average customer lifespan, in years.", "type": "number", "exclusiveMinimum": 0 },
        "channels": {
          "description": "People by the channel of their first visit in the data window, keyed by channel id.",
          "type": "object",
          "patternProperties": {
            "^(organic_search|paid_search|paid_social|organic_social|email|referral|direct)$": { "$ref": "#/$defs/channelValue" }
          },
          "additionalProperties": false
        },
        "tiers": {
          "description": "Buyers ranked by revenue in the window, split into thirds: high, medium, low (fewer with fewer than three buyers).",
          "type": "array",
          "prefixItems": [
            { "$ref": "#/$defs/tier", "properties": { "tier": { "const": "high" } } },
            { "$ref": "#/$defs/tier", "properties": { "tier": { "const": "medium" } } },
            { "$ref": "#/$defs/tier", "properties": { "tier": { "const": "low" } } }
          ],
          "items": false
        },
        "all": {
          "description": "CLV of all buyers; null when the window has no order.",
          "anyOf": [{ "$ref": "#/$defs/clv" }, { "type": "null" }]
        }
      }
    },
    "clvModel": {
      "description": "Predicted customer value (docs/definitions.md, Predicted customer value): BG/NBD and Gamma-Gamma fitted on the history's orders up to the period's last day, in weeks. fit and reason are always there and exactly one of them is null: a stable fit comes with its predictions for the next horizonWeeks weeks; without one, reason says why and nothing else is given. null when the pipeline has no history.",
      "anyOf": [{ "$ref": "#/$defs/clvModelFitted" }, { "$ref": "#/$defs/clvModelUnfitted" }, { "type": "null" }]
    }
  },
  "$defs": {
    "count": { "type": "integer", "minimum": 0 },
    "rate": {
      "description": "A fraction 0..1, at most 4 decimals.",
      "type": "number", "minimum": 0, "maximum": 1
    },
    "rateOrNull": {
      "description": "A fraction 0..1, at most 4 decimals; null when its denominator is 0 (or, for `previous`, when there is nothing to compare with).",
      "type": ["number", "null"], "minimum": 0, "maximum": 1
    },
    "money": {
      "description": "An amount in currency units of period.currency, at most 2 decimals (cents).",
      "type": "number", "minimum": 0
    },
    "moneyOrNull": {
      "description": "An amount in currency units of period.currency, at most 2 decimals (cents); null when its denominator is 0 (or, for `previous`, when there is nothing to compare with).",
      "type": ["number", "null"], "minimum": 0
    },
    "channelId": {
      "description": "One of the seven channels (docs/definitions.md, Channels).",
      "enum": ["organic_search", "paid_search", "paid_social", "organic_social", "email", "referral", "direct"]
    },
    "period": {
      "description": "The period the report covers and the one it is compared with.",
      "type": "object",
      "required": ["name", "first", "last", "isPartial", "previous", "timeZone", "currency", "locale"],
      "additionalProperties": false,
      "properties": {
        "name": {
          "description": "An ISO week (2026-W47), a month (2026-11) or a date range (2026-11-02..2026-11-15); the name of the report's folder.",
          "type": "string",
          "pattern": "^([0-9]{4}-W[0-9]{2}|[0-9]{4}-[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}\\.\\.[0-9]{4}-[0-9]{2}-[0-9]{2})$"
        },
        "first": { "description": "First day, in the shop's time zone.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        "last": { "description": "Last day, in the shop's time zone.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
        "isPartial": { "description": "The inputs cover the period only in part: only rates are compared with the previous period.", "type": "boolean" },
        "previous": {
          "description": "The name of the period of the same kind and length just before.",
          "type": "string",
          "pattern": "^([0-9]{4}-W[0-9]{2}|[0-9]{4}-[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}\\.\\.[0-9]{4}-[0-9]{2}-[0-9]{2})$"
        },
        "timeZone": { "description": "The shop's time zone (IANA name) that days and periods are counted in.", "type": "string", "minLength": 1 },
        "currency": { "description": "Currency of all money fields (ISO code, from the config).", "type": "string" },
        "locale": { "description": "Language of labels and number formats on the page.", "enum": ["en", "de"] }
      }
    },
    "input": {
      "description": "Accounting of every line read: read = parsed + filtered + rejected, in total and per file.",
      "type": "object",
      "required": ["files", "read", "parsed", "filtered", "rejected", "reasons", "samples", "lateEvents", "afterPeriod", "cutVisits"],
      "additionalProperties": false,
      "properties": {
        "files": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["name", "read", "parsed", "filtered", "rejected"],
            "additionalProperties": false,
            "properties": {
              "name": { "description": "The file's name, without its folder.", "type": "string" },
              "read": { "$ref": "#/$defs/count" },
              "parsed": { "$ref": "#/$defs/count" },
              "filtered": { "$ref": "#/$defs/count" },
              "rejected": { "$ref": "#/$defs/count" },
              "damage": { "description": "What was wrong with a damaged file (a truncated .gz); absent when it read cleanly.", "type": "string" }
            }
          }
        },
        "resorted": {
          "description": "Files that were not in time order and were sorted by time before the merge; absent when none was.",
          "type": "array",
          "minItems": 1,
          "items": {
            "type": "object",
            "required": ["file", "events", "moved"],
            "additionalProperties": false,
            "properties": {
              "file": { "type": "string" },
              "events": { "description": "The file's events.", "$ref": "#/$defs/count" },
              "moved": { "description": "Events that stood elsewhere in the file than in time order.", "$ref": "#/$defs/count" }
            }
          }
        },
        "read": { "description": "Lines read.", "$ref": "#/$defs/count" },
        "parsed": { "description": "Lines that became events.", "$ref": "#/$defs/count" },
        "filtered": { "description": "Good lines deliberately left out (bots, assets, errors...).", "$ref": "#/$defs/count" },
        "rejected": { "description": "Lines that could not be read.", "$ref": "#/$defs/count" },
        "reasons": {
          "description": "Filtered and rejected lines by reason; reasons with no line are left out.",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["reason", "explanation", "count", "isRejected"],
            "additionalProperties": false,
            "properties": {
              "reason": { "$ref": "#/$defs/lineReason" },
              "explanation": { "type": "string" },
              "count": { "type": "integer", "minimum": 1 },
              "isRejected": { "description": "true: bad input; false: good input left out on purpose.", "type": "boolean" }
            }
          }
        },
        "samples": {
          "description": "Examples of rejected lines, IP and e-mail addresses masked, cut to 200 bytes.",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["reason", "file", "line", "text"],
            "additionalProperties": false,
            "properties": {
              "reason": { "$ref": "#/$defs/lineReason" },
              "file": { "type": "string" },
              "line": { "description": "Line number in the file, from 1.", "type": "integer", "minimum": 1 },
              "text": { "type": "string" }
            }
          }
        },
        "lateEvents": { "description": "Parsed events that arrived later than the out-of-order tolerance.", "$ref": "#/$defs/count" },
        "afterPeriod": { "description": "Parsed events after the period's end that would have started a visit: left out.", "$ref": "#/$defs/count" },
        "cutVisits": { "description": "Visits ended by the maximum visit length.", "$ref": "#/$defs/count" }
      }
    },
    "lineReason": {
      "enum": ["malformed", "csv_field_count", "missing_field", "invalid_utf8", "line_too_long", "bad_timestamp", "truncated", "header", "bot", "static_asset", "status_4xx", "status_5xx", "redirect", "method", "outside_period"]
    },
    "sessionRules": {
      "description": "The session rules the visits were cut by.",
      "type": "object",
      "required": ["preset", "summary", "timeoutMinutes", "newVisitOnCampaignChange", "splitAtMidnight", "maxVisitHours", "identity", "lookbackDays", "timeDecayHalfLifeDays"],
      "additionalProperties": false,
      "properties": {
        "preset": { "description": "matomo, ga4 or awstats, with `+custom` when keys override it.", "type": "string" },
        "summary": { "type": "string" },
        "timeoutMinutes": { "description": "Inactivity that ends a visit, in minutes.", "type": "integer", "minimum": 1 },
        "newVisitOnCampaignChange": { "type": "boolean" },
        "splitAtMidnight": { "type": "boolean" },
        "maxVisitHours": { "type": "integer", "minimum": 1 },
        "identity": { "description": "How people are told apart.", "type": "string" },
        "lookbackDays": { "description": "How far before a conversion visits count for attribution, in days.", "type": "integer", "minimum": 1 },
        "timeDecayHalfLifeDays": { "description": "Half-life of the time-decay attribution model, in days.", "type": "number", "exclusiveMinimum": 0 }
      }
    },
    "kpi": {
      "description": "One key figure, this period and the one before, with its definition.",
      "type": "object",
      "required": ["rank", "label", "unit", "value", "previous", "better", "significant", "definition", "trend", "yearAgo", "yearAgoSignificant"],
      "additionalProperties": false,
      "properties": {
        "rank": { "description": "Place on the page, from 1.", "type": "integer", "minimum": 1 },
        "label": { "type": "string" },
        "unit": {
          "description": "count: a whole number; ratio: a fraction 0..1 at 4 decimals; money: currency units at 2 decimals; seconds and days: durations at 1 decimal; number: other figures; score: a survey score.",
          "enum": ["count", "ratio", "money", "seconds", "days", "score", "number"]
        },
        "value": { "description": "This period's figure; null when its denominator is 0.", "type": ["number", "null"] },
        "previous": { "description": "The previous period's figure; null when the input does not reach it, its denominator is 0, or the period is partial and the figure is no rate.", "type": ["number", "null"] },
        "better": { "description": "Which direction of change is good news.", "enum": ["higher", "lower", "neutral"] },
        "significant": { "description": "Whether the change is larger than chance would make it (|z| >= 1.96); null when not testable.", "type": ["boolean", "null"] },
        "definition": { "type": "string" },
        "numerator": { "description": "For a rate: the count over the denominator (value = numerator / denominator).", "type": "integer", "minimum": 0 },
        "denominator": { "description": "For a rate: the count the numerator is a share of.", "type": "integer", "minimum": 0 },
        "trend": {
          "description": "The figure in up to 12 earlier periods of the history, oldest first, then this period: empty without a history.",
          "type": "array", "maxItems": 13,
          "items": {
            "type": "object", "required": ["period", "value"], "additionalProperties": false,
            "properties": { "period": { "type": "string" }, "value": { "type": ["number", "null"] } }
          }
        },
        "yearAgo": { "description": "The figure in the same ISO week (or month) a year earlier; null when the history lacks it.", "type": ["number", "null"] },
        "yearAgoSignificant": { "description": "Whether the change against a year earlier is larger than noise; null when not testable.", "type": ["boolean", "null"] }
      }
    },
    "countKPI": {
      "$ref": "#/$defs/kpi",
      "properties": {
        "unit": { "const": "count" },
        "value": { "type": "integer", "minimum": 0 },
        "previous": { "type": ["integer", "null"], "minimum": 0 },
        "numerator": false,
        "denominator": false
      }
    },
    "ratioKPI": {
      "$ref": "#/$defs/kpi",
      "required": ["numerator", "denominator"],
      "properties": {
        "unit": { "const": "ratio" },
        "value": { "$ref": "#/$defs/rateOrNull" },
        "previous": { "$ref": "#/$defs/rateOrNull" }
      }
    },
    "moneyKPI": {
      "$ref": "#/$defs/kpi",
      "properties": {
        "unit": { "const": "money" },
        "value": { "$ref": "#/$defs/moneyOrNull" },
        "previous": { "$ref": "#/$defs/moneyOrNull" },
        "numerator": false,
        "denominator": false
      }
    },
    "measureKPI": {
      "$ref": "#/$defs/kpi",
      "properties": {
        "value": { "type": ["number", "null"], "minimum": 0 },
        "previous": { "type": ["number", "null"], "minimum": 0 },
        "numerator": false,
        "denominator": false
      }
    },
    "funnelRow": {
      "type": "object",
      "required": ["step", "label", "visits", "ofFirst", "dropOff"],
      "additionalProperties": false,
      "properties": {
        "step": { "enum": ["product_view", "add_to_cart", "checkout", "purchase"] },
        "label": { "type": "string" },
        "visits": { "description": "Visits that reached this step and every step before it.", "$ref": "#/$defs/count" },
        "ofFirst": { "description": "Share of the first step's visits (0 when the first step has none).", "$ref": "#/$defs/rate" },
        "dropOff": { "description": "Visits lost since the previous step, as a share of it (0 for the first step).", "$ref": "#/$defs/rate" }
      }
    },
    "mapNode": {
      "type": "object",
      "required": ["touchpoint", "phase", "views", "entries", "exits", "exitRate"],
      "additionalProperties": false,
      "properties": {
        "touchpoint": { "type": "string" },
        "phase": { "enum": ["awareness", "consideration", "purchase", "retention", "advocacy"] },
        "views": { "type": "integer", "minimum": 1 },
        "entries": { "description": "Visits that began here.", "$ref": "#/$defs/count" },
        "exits": { "description": "Visits that ended here.", "$ref": "#/$defs/count" },
        "exitRate": { "description": "exits / views.", "$ref": "#/$defs/rate" }
      }
    },
    "mapLink": {
      "type": "object",
      "required": ["from", "to", "count"],
      "additionalProperties": false,
      "properties": {
        "from": { "description": "Key of the node in journeyMap.nodes.", "type": "string" },
        "to": { "description": "Key of the node in journeyMap.nodes.", "type": "string" },
        "count": { "description": "Moves from one to the other within a visit.", "type": "integer", "minimum": 1 }
      }
    },
    "rateCounts": {
      "description": "The visit counts behind the headline rates: conversion = purchases / visits, bounce = bounces / visits, cart abandonment = abandonedCarts / carts.",
      "type": "object",
      "required": ["visits", "bounces", "purchases", "carts", "abandonedCarts"],
      "additionalProperties": false,
      "properties": {
        "visits": { "$ref": "#/$defs/count" },
        "bounces": { "$ref": "#/$defs/count" },
        "purchases": { "description": "Visits with an order.", "$ref": "#/$defs/count" },
        "carts": { "description": "Visits that reached the cart.", "$ref": "#/$defs/count" },
        "abandonedCarts": { "description": "Visits that reached the cart and did not buy.", "$ref": "#/$defs/count" }
      }
    },
    "attribution": {
      "description": "Orders credited to the channel by each model, at most 4 decimals; each model's credits over all channels add up to the period's orders.",
      "type": "object",
      "required": ["firstTouch", "lastTouch", "lastNonDirect", "linear", "timeDecay", "positionBased", "markov"],
      "additionalProperties": false,
      "properties": {
        "firstTouch": { "type": "number", "minimum": 0 },
        "lastTouch": { "type": "number", "minimum": 0 },
        "lastNonDirect": { "type": "number", "minimum": 0 },
        "linear": { "type": "number", "minimum": 0 },
        "timeDecay": { "type": "number", "minimum": 0 },
        "positionBased": { "type": "number", "minimum": 0 },
        "markov": { "description": "First-order Markov chain removal effect, scaled to the period's orders.", "type": "number", "minimum": 0 }
      }
    },
    "channelRow": {
      "type": "object",
      "required": ["channel", "label", "visits", "journeysStarted", "journeysClosed", "orders", "revenue", "attribution", "rates"],
      "additionalProperties": false,
      "properties": {
        "channel": { "$ref": "#/$defs/channelId" },
        "label": { "type": "string" },
        "visits": { "description": "Visits of the period the channel brought (0 for a channel with attribution credit only).", "$ref": "#/$defs/count" },
        "journeysStarted": { "$ref": "#/$defs/count" },
        "journeysClosed": { "description": "Visits with an order that the channel brought.", "$ref": "#/$defs/count" },
        "orders": { "$ref": "#/$defs/count" },
        "revenue": { "description": "Order values of the visits the channel brought.", "$ref": "#/$defs/money" },
        "attribution": { "$ref": "#/$defs/attribution" },
        "rates": { "$ref": "#/$defs/rateCounts" }
      }
    },
    "disagreement": {
      "type": "object",
      "required": ["channel", "label", "lowestModel", "lowest", "highestModel", "highest", "shareOfOrders"],
      "additionalProperties": false,
      "properties": {
        "channel": { "$ref": "#/$defs/channelId" },
        "label": { "type": "string" },
        "lowestModel": { "$ref": "#/$defs/attributionModel" },
        "lowest": { "description": "The lowest credit, in orders.", "type": "number", "minimum": 0 },
        "highestModel": { "$ref": "#/$defs/attributionModel" },
        "highest": { "description": "The highest credit, in orders.", "type": "number", "minimum": 0 },
        "shareOfOrders": { "description": "(highest - lowest) / the period's orders.", "$ref": "#/$defs/rate" }
      }
    },
    "attributionModel": {
      "description": "An attribution model, by its label.",
      "enum": ["First touch", "Last touch", "Last non-direct touch", "Linear", "Time decay", "Position based (40/20/40)", "Markov chain (removal effect)"]
    },
    "segmentRow": {
      "type": "object",
      "required": ["dimension", "segment", "visits", "bounceRate", "conversionRate", "orders", "revenue", "rates"],
      "additionalProperties": false,
      "properties": {
        "dimension": { "enum": ["device", "visitor"] },
        "segment": { "enum": ["desktop", "mobile", "tablet", "new", "returning"] },
        "visits": { "type": "integer", "minimum": 1 },
        "bounceRate": { "$ref": "#/$defs/rate" },
        "conversionRate": { "$ref": "#/$defs/rate" },
        "orders": { "$ref": "#/$defs/count" },
        "revenue": { "$ref": "#/$defs/money" },
        "rates": { "$ref": "#/$defs/rateCounts" }
      }
    },
    "journeyLengthRow": {
      "type": "object",
      "required": ["visits", "journeys", "multiChannel", "buyers", "conversion"],
      "additionalProperties": false,
      "properties": {
        "visits": { "description": "The bucket of visits in the lookback window.", "enum": ["1", "2", "3–4", "5+"] },
        "journeys": { "description": "People of the period in the bucket.", "$ref": "#/$defs/count" },
        "multiChannel": { "description": "Share of these journeys that used two or more channels (0 when there is none).", "$ref": "#/$defs/rate" },
        "buyers": { "description": "People of the bucket with an order in the period.", "$ref": "#/$defs/count" },
        "conversion": { "description": "buyers / journeys (0 when there is none).", "$ref": "#/$defs/rate" }
      }
    },
    "loopRow": {
      "type": "object",
      "required": ["id", "from", "via", "visits", "purchases", "conversionRate"],
      "additionalProperties": false,
      "properties": {
        "id": { "description": "`from -> via -> from`.", "type": "string", "pattern": "^.+ -> .+ -> .+$" },
        "from": { "type": "string" },
        "via": { "type": "string" },
        "visits": { "type": "integer", "minimum": 1 },
        "purchases": { "$ref": "#/$defs/count" },
        "conversionRate": { "$ref": "#/$defs/rate" }
      }
    },
    "pathRow": {
      "type": "object",
      "required": ["id", "steps", "visits", "purchases", "conversionRate"],
      "additionalProperties": false,
      "properties": {
        "id": { "description": "The steps joined by ` > `.", "type": "string", "minLength": 1 },
        "steps": {
          "description": "Touchpoint names in order, repeats folded; a longer path keeps its first two and last three steps around `…`.",
          "type": "array",
          "items": { "type": "string" },
          "minItems": 1,
          "maxItems": 6
        },
        "visits": { "type": "integer", "minimum": 1 },
        "purchases": { "$ref": "#/$defs/count" },
        "conversionRate": { "$ref": "#/$defs/rate" }
      }
    },
    "score": {
      "description": "A survey score; value and mean are null when there is no answer.",
      "type": "object",
      "required": ["answers", "value", "mean"],
      "additionalProperties": false,
      "properties": {
        "answers": { "$ref": "#/$defs/count" },
        "value": { "type": ["number", "null"] },
        "mean": { "type": ["number", "null"] },
        "promoters": { "$ref": "#/$defs/count", "description": "NPS only: answers of 9-10, for testing a change." },
        "detractors": { "$ref": "#/$defs/count", "description": "NPS only: answers of 0-6, for testing a change." },
        "topBox": { "$ref": "#/$defs/count", "description": "CSAT and CES only: answers in the top box, for testing a change." }
      }
    },
    "clv": {
      "description": "Customer lifetime value of a set of buyers.",
      "type": "object",
      "required": ["buyers", "aov", "purchasesPerYear", "value"],
      "additionalProperties": false,
      "properties": {
        "buyers": { "type": "integer", "minimum": 1 },
        "aov": { "description": "Average order value, in currency units with at most 2 decimals.", "$ref": "#/$defs/money" },
        "purchasesPerYear": { "description": "Orders per buyer, annualised from the data window, at 2 decimals.", "type": "number", "minimum": 0 },
        "value": { "description": "aov x purchasesPerYear x lifespanYears, in currency units with at most 2 decimals.", "$ref": "#/$defs/money" }
      }
    },
    "channelValue": {
      "type": "object",
      "required": ["channel", "label", "customers", "clv"],
      "additionalProperties": false,
      "properties": {
        "channel": { "$ref": "#/$defs/channelId" },
        "label": { "type": "string" },
        "customers": { "description": "People whose first visit in the data window came through the channel.", "type": "integer", "minimum": 1 },
        "clv": { "description": "Null when none of these people bought.", "anyOf": [{ "$ref": "#/$defs/clv" }, { "type": "null" }] }
      }
    },
    "tier": {
      "type": "object",
      "required": ["tier", "minRevenue", "clv"],
      "additionalProperties": false,
      "properties": {
        "tier": { "enum": ["high", "medium", "low"] },
        "minRevenue": { "description": "The lowest revenue of a buyer in the tier, in currency units with at most 2 decimals.", "$ref": "#/$defs/money" },
        "clv": { "$ref": "#/$defs/clv" }
      }
    },
    "clvModelFitted": {
      "type": "object",
      "required": ["fit", "reason", "horizonWeeks", "all", "channels", "tiers"],
      "additionalProperties": false,
      "properties": {
        "fit": { "$ref": "#/$defs/clvFit" },
        "reason": { "type": "null" },
        "horizonWeeks": { "description": "The weeks the predictions look ahead.", "const": 52 },
        "all": { "$ref": "#/$defs/clvPrediction", "description": "Every customer with an order in the history up to the period's last day." },
        "channels": {
          "description": "Customers by the channel of their first order in the history, keyed by channel id; unknown for orders without one (imported from the shop).",
          "type": "object",
          "patternProperties": {
            "^(organic_search|paid_search|paid_social|organic_social|email|referral|direct|unknown)$": { "$ref": "#/$defs/clvChannelPrediction" }
          },
          "additionalProperties": false
        },
        "tiers": {
          "description": "Customers ranked by what they spent up to the period's last day, split into thirds: high, medium, low (fewer with fewer than three customers).",
          "type": "array",
          "prefixItems": [
            { "$ref": "#/$defs/clvTierPrediction", "properties": { "tier": { "const": "high" } } },
            { "$ref": "#/$defs/clvTierPrediction", "properties": { "tier": { "const": "medium" } } },
            { "$ref": "#/$defs/clvTierPrediction", "properties": { "tier": { "const": "low" } } }
          ],
          "items": false
        }
      }
    },
    "clvModelUnfitted": {
      "type": "object",
      "required": ["fit", "reason"],
      "additionalProperties": false,
      "properties": {
        "fit": { "type": "null" },
        "reason": { "description": "Why either fit is not stable: its issues as sentences, joined by `; `, prefixed with the model's name when only one model has it.", "type": "string", "minLength": 1 }
      }
    },
    "clvFit": {
      "description": "The fitted parameters, as `journeys history clv --json` prints them; each rounded to 4 significant digits.",
      "type": "object",
      "required": ["customers", "timeUnit", "bgnbd", "gammaGamma"],
      "additionalProperties": false,
      "properties": {
        "customers": { "description": "The customers the BG/NBD fit used.", "type": "integer", "minimum": 1 },
        "timeUnit": { "const": "week" },
        "bgnbd": {
          "description": "Purchases while alive ~ Poisson(lambda), lambda ~ Gamma(r, alpha); drop-out after a purchase ~ Beta(a, b). alpha is in weeks.",
          "type": "object",
          "required": ["r", "alpha", "a", "b"],
          "additionalProperties": false,
          "properties": {
            "r": { "type": "number", "exclusiveMinimum": 0 },
            "alpha": { "type": "number", "exclusiveMinimum": 0 },
            "a": { "type": "number", "exclusiveMinimum": 0 },
            "b": { "type": "number", "exclusiveMinimum": 0 }
          }
        },
        "gammaGamma": {
          "description": "Value per purchase ~ Gamma(p, nu), nu ~ Gamma(q, v). v is in currency units.",
          "type": "object",
          "required": ["p", "q", "v"],
          "additionalProperties": false,
          "properties": {
            "p": { "type": "number", "exclusiveMinimum": 0 },
            "q": { "type": "number", "exclusiveMinimum": 1 },
            "v": { "type": "number", "exclusiveMinimum": 0 }
          }
        }
      }
    },
    "clvPrediction": {
      "description": "What the models predict for a group of customers over the horizon, each a mean per customer.",
      "type": "object",
      "required": ["customers", "expectedPurchases", "expectedValue", "probabilityAlive"],
      "additionalProperties": false,
      "properties": {
        "customers": { "type": "integer", "minimum": 1 },
        "expectedPurchases": { "description": "Expected purchase days in the horizon, at 2 decimals.", "type": "number", "minimum": 0 },
        "expectedValue": { "description": "Expected purchases x expected value per purchase, undiscounted, in currency units with at most 2 decimals.", "$ref": "#/$defs/money" },
        "probabilityAlive": { "description": "The probability of still being a customer on the period's last day.", "$ref": "#/$defs/rate" }
      }
    },
    "clvChannelPrediction": {
      "description": "The prediction for the customers a channel first brought.",
      "type": "object",
      "required": ["channel", "label", "customers", "expectedPurchases", "expectedValue", "probabilityAlive"],
      "additionalProperties": false,
      "properties": {
        "channel": { "enum": ["organic_search", "paid_search", "paid_social", "organic_social", "email", "referral", "direct", "unknown"] },
        "label": { "type": "string" },
        "customers": { "type": "integer", "minimum": 1 },
        "expectedPurchases": { "description": "Expected purchase days in the horizon, at 2 decimals.", "type": "number", "minimum": 0 },
        "expectedValue": { "description": "Expected purchases x expected value per purchase, undiscounted, in currency units with at most 2 decimals.", "$ref": "#/$defs/money" },
        "probabilityAlive": { "description": "The probability of still being a customer on the period's last day.", "$ref": "#/$defs/rate" }
      }
    },
    "clvTierPrediction": {
      "description": "The prediction for a spend tier.",
      "type": "object",
      "required": ["tier", "minSpend", "customers", "expectedPurchases", "expectedValue", "probabilityAlive"],
      "additionalProperties": false,
      "properties": {
        "tier": { "enum": ["high", "medium", "low"] },
        "minSpend": { "description": "The lowest spend up to the period's last day of a customer in the tier, in currency units with at most 2 decimals.", "type": "number" },
        "customers": { "type": "integer", "minimum": 1 },
        "expectedPurchases": { "description": "Expected purchase days in the horizon, at 2 decimals.", "type": "number", "minimum": 0 },
        "expectedValue": { "description": "Expected purchases x expected value per purchase, undiscounted, in currency units with at most 2 decimals.", "$ref": "#/$defs/money" },
        "probabilityAlive": { "description": "The probability of still being a customer on the period's last day.", "$ref": "#/$defs/rate" }
      }
    }
  }
}
"""#
}

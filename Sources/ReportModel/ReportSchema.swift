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
  "description": "Every number of one period's customer-journey report, as `journeys report` writes it beside the page (output/<period>/report.json). Keys are sorted; sets whose order means nothing are objects keyed by stable ids, ordered lists carry ids. Numbers are rounded where they are computed: money in currency units of period.currency with at most 2 decimals (cents), rates and shares as fractions 0..1 with at most 4 decimals, durations in seconds or days with 1 decimal, survey scores with 1 decimal (their mean answers with 2), counts exact. A value whose denominator is 0 is null, never NaN. A row of a table about fewer than suppressed.k people is withheld and counted in suppressed, never shown. `journeys schema` prints this schema.",
  "type": "object",
  "required": ["schemaVersion", "period", "input", "sessionRules", "kpis", "cohorts", "lifecycle", "funnel", "journeyMap", "channels", "disagreements", "segments", "journeyLengths", "loops", "paths", "buyingPaths", "touchpointRules", "satisfaction", "customerValue", "clvModel", "support", "cartRecovery", "variants", "friction", "entryPages", "campaigns", "searchTerms", "products", "suppressed"],
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
      "required": ["visitors", "new_visitors", "visits", "page_views", "pages_per_visit", "visit_duration", "bounce_rate", "conversion_rate", "visitor_conversion", "orders", "revenue", "aov", "cart_abandonment", "purchase_frequency", "repeat_purchase_rate", "days_to_purchase", "visits_to_purchase", "nps", "csat", "csat_top2", "ces", "support_contacts", "aht_seconds", "customer_cart_abandonment", "cart_recovery_rate", "median_days_to_recovery"],
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
        "aov": {
          "$ref": "#/$defs/moneyKPI",
          "description": "With its 95% interval: a percentile bootstrap of the mean order value (2,000 seeded resamples), in currency units with at most 2 decimals; null without orders."
        },
        "cart_abandonment": { "$ref": "#/$defs/ratioKPI" },
        "purchase_frequency": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "number" } } },
        "repeat_purchase_rate": { "$ref": "#/$defs/ratioKPI" },
        "days_to_purchase": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "days" } } },
        "visits_to_purchase": { "$ref": "#/$defs/measureKPI", "properties": { "unit": { "const": "number" } } },
        "nps": {
          "$ref": "#/$defs/scoreKPI",
          "description": "Net promoter score of the period's NPS answers (0-10): % promoters (9-10) minus % detractors (0-6), -100..100 at 1 decimal; its interval is the normal one of the mean of +1/0/-1 answers, clipped to -100..100. No numerator or denominator: it is no single share.",
          "properties": {
            "value": { "type": ["number", "null"], "minimum": -100, "maximum": 100 },
            "previous": { "type": ["number", "null"], "minimum": -100, "maximum": 100 },
            "interval": { "$ref": "#/$defs/npsInterval" },
            "numerator": false,
            "denominator": false
          }
        },
        "csat": { "$ref": "#/$defs/topBoxKPI", "description": "CSAT: answers 5 of 1-5 (top box) / answers x 100; numerator the top-box answers, denominator the answers." },
        "csat_top2": { "$ref": "#/$defs/topBoxKPI", "description": "CSAT (top two boxes): answers 4 or 5 of 1-5 / answers x 100; numerator those answers, denominator the answers." },
        "ces": { "$ref": "#/$defs/topBoxKPI", "description": "CES: answers at the top (very easy) of the configured scale (satisfaction.cesScale: 5 or 7) / answers x 100; numerator those answers, denominator the answers." },
        "support_contacts": { "$ref": "#/$defs/countKPI", "description": "Chats, contact forms and call-backs started in the period's visits (support.contacts)." },
        "aht_seconds": {
          "$ref": "#/$defs/measureKPI",
          "description": "Average handling time: total handling time / contacts with a handling time, in seconds at 1 decimal; null when no contact has one.",
          "properties": { "unit": { "const": "seconds" } }
        },
        "customer_cart_abandonment": { "$ref": "#/$defs/ratioKPI", "description": "People with a cart in the cohort days (cartRecovery) who did not order in that visit or within the recovery window / people with a cart." },
        "cart_recovery_rate": { "$ref": "#/$defs/ratioKPI", "description": "Abandoned carts of the cohort days whose person ordered within the recovery window / abandoned carts." },
        "median_days_to_recovery": {
          "$ref": "#/$defs/measureKPI",
          "description": "Median days from a recovered cart's visit to the visit with the order, at 1 decimal; null when no cart was recovered.",
          "properties": { "unit": { "const": "days" } }
        },
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
    "rulesWarning": {
      "description": "Signs that the touchpoint rules, not the shop, shape the figures; absent when none holds. The page says so in one line at the top.",
      "type": "object",
      "required": ["otherShare", "otherThreshold", "emptySteps", "orders", "ordersWithValue"],
      "additionalProperties": false,
      "properties": {
        "otherShare": { "description": "Share of the run's page views no rule matched (touchpoint other).", "type": "number", "minimum": 0, "maximum": 1 },
        "otherThreshold": { "description": "The share of other above which the report warns.", "type": "number", "minimum": 0, "maximum": 1 },
        "emptySteps": { "description": "Funnel steps whose rules matched no page view (purchase counts as matched when there are orders).", "type": "array", "items": { "enum": ["product_view", "add_to_cart", "checkout", "purchase"] } },
        "orders": { "description": "Orders of the period.", "type": "integer", "minimum": 0 },
        "ordersWithValue": { "description": "Orders of the period with a readable value.", "type": "integer", "minimum": 0 }
      }
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
      "required": ["nodes", "links", "phases", "returns"],
      "additionalProperties": false,
      "properties": {
        "phases": {
          "description": "The five phases in order, as the map's columns: visits of the period that touched the phase, their share of the period's visits, and those that ended in it.",
          "type": "array",
          "minItems": 5, "maxItems": 5,
          "items": {
            "type": "object",
            "required": ["phase", "visits", "share", "exits", "exitRate"],
            "additionalProperties": false,
            "properties": {
              "phase": { "enum": ["awareness", "consideration", "purchase", "retention", "advocacy"] },
              "visits": { "$ref": "#/$defs/count" },
              "share": { "description": "visits / the period's visits; null when the period has none.", "$ref": "#/$defs/rateOrNull" },
              "exits": { "description": "Visits whose last page view is in the phase.", "$ref": "#/$defs/count" },
              "exitRate": { "description": "exits / visits; null when no visit touched the phase.", "$ref": "#/$defs/rateOrNull" }
            }
          }
        },
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
        },
        "returns": {
          "description": "Returns across visits keyed by `from -> to` (node keys): from the last touchpoint of a visit to the landing touchpoint of the same person's next visit, both starting in the period, the next within the lookback window.",
          "type": "object",
          "patternProperties": {
            "^.+ -> .+$": { "$ref": "#/$defs/mapReturn" }
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
      "description": "Survey scores of the period's visits, and the same answers joined to journeys: each answer grouped by what the person went through just before answering (docs/definitions.md, Satisfaction joined to journeys).",
      "type": "object",
      "required": ["nps", "csat", "ces", "cesScale", "minAnswers", "all", "byChannel", "byDevice", "byTouchpoint", "byVariant", "detractorPaths", "promoterPaths"],
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
          "description": "Customer effort score: % of answers at the top (very easy) of the configured scale (cesScale: 1-5 by default, or 1-7), at 1 decimal; mean answer at 2 decimals.",
          "properties": {
            "value": { "type": ["number", "null"], "minimum": 0, "maximum": 100 },
            "mean": { "type": ["number", "null"], "minimum": 1, "maximum": 7 }
          }
        },
        "cesScale": { "description": "Points of the CES question, as configured (surveys.ces_scale); its top answer is very easy.", "enum": [5, 7] },
        "minAnswers": { "description": "The configured small-sample threshold (surveys.min_answers): a score of fewer answers is marked smallSample.", "type": "integer", "minimum": 1 },
        "all": {
          "$ref": "#/$defs/satisfactionRow",
          "description": "All answers of the period (and of the previous period, for previous).",
          "properties": { "id": { "const": "all" } }
        },
        "byChannel": {
          "description": "Answers by the channel of the visit of what the person did just before answering, most answers first.",
          "type": "array",
          "items": { "$ref": "#/$defs/satisfactionRow", "properties": { "id": { "$ref": "#/$defs/channelId" } } }
        },
        "byDevice": {
          "description": "Answers by the device class of that visit, most answers first.",
          "type": "array",
          "items": { "$ref": "#/$defs/satisfactionRow", "properties": { "id": { "$ref": "#/$defs/deviceClass" } } }
        },
        "byTouchpoint": {
          "description": "Answers by the touchpoint viewed just before answering (other than the survey's own), most answers first; id and label `(nothing before)` for answers with nothing before them within the lookback window.",
          "type": "array",
          "items": { "$ref": "#/$defs/satisfactionRow" }
        },
        "byVariant": {
          "description": "Answers by the path of the visit up to that touchpoint (repeats folded, a longer path cut around `…` as in paths), the 10 with the most answers; id the steps joined by ` > `, label by ` → `.",
          "type": "array",
          "items": { "$ref": "#/$defs/satisfactionRow" },
          "maxItems": 10
        },
        "detractorPaths": {
          "description": "The paths before the period's NPS answers 0-6, the 8 with the most answers.",
          "type": "array",
          "items": { "$ref": "#/$defs/answerPath" },
          "maxItems": 8
        },
        "promoterPaths": {
          "description": "The paths before the period's NPS answers 9-10, the 8 with the most answers.",
          "type": "array",
          "items": { "$ref": "#/$defs/answerPath" },
          "maxItems": 8
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
        "lifespanYears": { "description": "The average customer lifespan the CLV multiplies by, in years, to 2 decimals: measured from two years of history (1 / (1 - yearly retention), at most 20) when the history has them, else configured (kpis.customer_lifespan_years).", "type": "number", "exclusiveMinimum": 0 },
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
    },
    "support": {
      "description": "Support contacts (chats, contact forms, call-backs) started in the period's visits, and their handling time: from a contact's start to its end event, or a logged duration (docs/definitions.md, Support contacts).",
      "type": "object",
      "required": ["contacts", "timed", "unended", "ahtSeconds", "medianSeconds", "contactsPerOrder", "byKind", "byChannel", "byPhase"],
      "additionalProperties": false,
      "properties": {
        "contacts": { "description": "Contacts of the period.", "$ref": "#/$defs/count" },
        "timed": { "description": "Contacts with a handling time (an end event or a logged duration).", "$ref": "#/$defs/count" },
        "unended": { "description": "Contacts whose end the logs do not show: contacts - timed.", "$ref": "#/$defs/count" },
        "ahtSeconds": { "description": "Average handling time: total handling time / timed, in seconds at 1 decimal; null when no contact is timed.", "type": ["number", "null"], "minimum": 0 },
        "medianSeconds": { "description": "Median handling time of the timed contacts, in whole seconds (ending in .5 for the mean of the middle two); null when no contact is timed.", "type": ["number", "null"], "minimum": 0 },
        "contactsPerOrder": { "description": "contacts / orders of the period, at 4 decimals (may exceed 1); null without orders.", "type": ["number", "null"], "minimum": 0 },
        "byKind": {
          "description": "By kind of contact (the names of the config's support.contacts), most contacts first.",
          "type": "array",
          "items": { "$ref": "#/$defs/supportRow" }
        },
        "byChannel": {
          "description": "By the channel of the visit the contact started in, most contacts first.",
          "type": "array",
          "items": { "$ref": "#/$defs/supportRow", "properties": { "id": { "$ref": "#/$defs/channelId" } } }
        },
        "byPhase": {
          "description": "By the journey phase the person was in: the phase of the touchpoint before the contact (the contact's own when it is the visit's first page), most contacts first.",
          "type": "array",
          "items": { "$ref": "#/$defs/supportRow", "properties": { "id": { "$ref": "#/$defs/phase" } } }
        }
      }
    },
    "cartRecovery": {
      "description": "Abandoned carts followed per person (docs/definitions.md, Carts per customer): the carts of the period's days moved back by recoveryDays, so that every cart's window has closed by the period's end; which came back to buy, how fast, and through what.",
      "type": "object",
      "required": ["recoveryDays", "cohortFirst", "cohortLast", "carts", "abandoned", "recovered", "people", "peopleAbandoned", "byChannel", "byTouchpoint"],
      "additionalProperties": false,
      "properties": {
        "recoveryDays": { "description": "The configured recovery window (carts.recovery_days), in days.", "type": "integer", "minimum": 1 },
        "cohortFirst": { "description": "First local day of the carts followed: period.first - recoveryDays.", "$ref": "#/$defs/date" },
        "cohortLast": { "description": "Last local day of the carts followed: period.last - recoveryDays.", "$ref": "#/$defs/date" },
        "carts": { "description": "Visits with an add-to-cart on the cohort days.", "$ref": "#/$defs/count" },
        "abandoned": { "description": "Those of them without an order in the same visit.", "$ref": "#/$defs/count" },
        "recovered": { "description": "Abandoned carts whose person ordered in a later visit within recoveryDays local days.", "$ref": "#/$defs/count" },
        "people": { "description": "Distinct people with a cart on the cohort days.", "$ref": "#/$defs/count" },
        "peopleAbandoned": { "description": "Those of them with no cart bought in its visit or recovered.", "$ref": "#/$defs/count" },
        "byChannel": {
          "description": "Recovered carts by the channel of the visit in which they were bought, most carts first.",
          "type": "array",
          "items": { "$ref": "#/$defs/cartSource", "properties": { "id": { "$ref": "#/$defs/channelId" } } }
        },
        "byTouchpoint": {
          "description": "Recovered carts by the landing touchpoint of the visit in which they were bought, most carts first.",
          "type": "array",
          "items": { "$ref": "#/$defs/cartSource" }
        }
      }
    },
    "variants": {
      "description": "Journey variants: the period's visits by their touchpoints in order, repeats folded (docs/definitions.md, Variants and friction); the 10 with the most visits.",
      "type": "array",
      "items": { "$ref": "#/$defs/variant" },
      "maxItems": 10
    },
    "friction": {
      "description": "Where the way to purchase loses people: funnel steps by visits lost, and touchpoints by exit rate among visits that viewed a product.",
      "type": "object",
      "required": ["steps", "exits"],
      "additionalProperties": false,
      "properties": {
        "steps": {
          "description": "The funnel steps after the first (add_to_cart, checkout, purchase), most visits lost first.",
          "type": "array",
          "items": { "$ref": "#/$defs/frictionStep" },
          "minItems": 3,
          "maxItems": 3
        },
        "exits": {
          "description": "Consideration and purchase touchpoints (other than the purchase step's own) of visits that reached a product view, by the share of those visits that ended on them without a purchase; the 8 highest exit rates.",
          "type": "array",
          "items": { "$ref": "#/$defs/frictionExit" },
          "maxItems": 8
        }
      }
    },
    "entryPages": {
      "description": "The pages the period's visits began on (paths as logged, masked), the 12 with the most visits (docs/definitions.md, Entry pages, campaigns, search terms, products). views: visits that landed there; carts: 0.",
      "type": "array",
      "items": { "$ref": "#/$defs/valueRow" },
      "maxItems": 12
    },
    "campaigns": {
      "description": "The campaign names of the period's visits, the 12 with the most visits. views: visits; carts: 0.",
      "type": "array",
      "items": { "$ref": "#/$defs/valueRow" },
      "maxItems": 12
    },
    "searchTerms": {
      "description": "The terms searched on the site search's touchpoint in the period's visits, the 15 most searched. views: searches; visits: visits that searched the term; carts: 0.",
      "type": "array",
      "items": { "$ref": "#/$defs/valueRow" },
      "maxItems": 15
    },
    "products": {
      "description": "The product pages of the period's visits, the 15 with the most product views. views: product views; carts: add-to-carts directly from the product page; visits: visits that added it to the cart; purchases, orders and revenue: those of these visits with an order.",
      "type": "array",
      "items": { "$ref": "#/$defs/valueRow" },
      "maxItems": 15
    },
    "suppressed": {
      "description": "Rows withheld because they are about fewer than k people (privacy.min_people).",
      "type": "object",
      "required": ["k", "rows", "byTable"],
      "additionalProperties": false,
      "properties": {
        "k": { "description": "The configured minimum of people a row must be about.", "type": "integer", "minimum": 1 },
        "rows": { "description": "Rows withheld in all tables: the sum of byTable.", "$ref": "#/$defs/count" },
        "byTable": {
          "description": "Rows withheld per table, keyed by the table's report.json name (0 when none was); rows cut by a table's length limit are not counted.",
          "type": "object",
          "required": ["satisfaction.byChannel", "satisfaction.byDevice", "satisfaction.byTouchpoint", "satisfaction.byVariant", "satisfaction.detractorPaths", "satisfaction.promoterPaths", "support.byKind", "support.byChannel", "support.byPhase", "cartRecovery.byChannel", "cartRecovery.byTouchpoint", "variants", "friction.exits", "funnels.byChannel", "funnels.byDevice", "entryPages", "campaigns", "searchTerms", "products", "paths", "buyingPaths", "loops"],
          "properties": {
            "satisfaction.byChannel": { "$ref": "#/$defs/count" },
            "satisfaction.byDevice": { "$ref": "#/$defs/count" },
            "satisfaction.byTouchpoint": { "$ref": "#/$defs/count" },
            "satisfaction.byVariant": { "$ref": "#/$defs/count" },
            "satisfaction.detractorPaths": { "$ref": "#/$defs/count" },
            "satisfaction.promoterPaths": { "$ref": "#/$defs/count" },
            "support.byKind": { "$ref": "#/$defs/count" },
            "support.byChannel": { "$ref": "#/$defs/count" },
            "support.byPhase": { "$ref": "#/$defs/count" },
            "cartRecovery.byChannel": { "$ref": "#/$defs/count" },
            "cartRecovery.byTouchpoint": { "$ref": "#/$defs/count" },
            "variants": { "$ref": "#/$defs/count" },
            "friction.exits": { "$ref": "#/$defs/count" },
            "funnels.byChannel": { "$ref": "#/$defs/count" },
            "funnels.byDevice": { "$ref": "#/$defs/count" },
            "entryPages": { "$ref": "#/$defs/count" },
            "campaigns": { "$ref": "#/$defs/count" },
            "searchTerms": { "$ref": "#/$defs/count" },
            "products": { "$ref": "#/$defs/count" },
            "paths": { "$ref": "#/$defs/count" },
            "buyingPaths": { "$ref": "#/$defs/count" },
            "loops": { "$ref": "#/$defs/count" }
          },
          "additionalProperties": false
        }
      }
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
    "interval": {
      "description": "A 95% interval [low, high] of a figure, in the figure's unit and rounding, low <= high; null where no interval is computed (or there is nothing to compute it from).",
      "type": ["array", "null"],
      "items": { "type": "number" },
      "minItems": 2,
      "maxItems": 2
    },
    "rateInterval": {
      "description": "A 95% Wilson interval [low, high] of a rate: fractions 0..1 at 4 decimals; null when its denominator is 0.",
      "$ref": "#/$defs/interval",
      "items": { "$ref": "#/$defs/rate" }
    },
    "scoreInterval": {
      "description": "A 95% Wilson interval [low, high] of a top-box score, x 100: points 0..100 at 1 decimal; null without answers.",
      "$ref": "#/$defs/interval",
      "items": { "minimum": 0, "maximum": 100 }
    },
    "npsInterval": {
      "description": "A 95% normal interval [low, high] of an NPS, clipped to -100..100, at 1 decimal; null without answers.",
      "$ref": "#/$defs/interval",
      "items": { "minimum": -100, "maximum": 100 }
    },
    "moneyInterval": {
      "description": "A 95% interval [low, high] of an amount, in currency units with at most 2 decimals; null where none is computed.",
      "$ref": "#/$defs/interval",
      "items": { "minimum": 0 }
    },
    "moneyOrNull": {
      "description": "An amount in currency units of period.currency, at most 2 decimals (cents); null when its denominator is 0 (or, for `previous`, when there is nothing to compare with).",
      "type": ["number", "null"], "minimum": 0
    },
    "date": { "description": "A local day.", "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
    "deviceClass": { "description": "A device class.", "enum": ["desktop", "mobile", "tablet"] },
    "phase": { "description": "A journey phase.", "enum": ["awareness", "consideration", "purchase", "retention", "advocacy"] },
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
          "description": "Filtered and rejected lines by reason, then parsed lines whose order value was left out (value notes, counted among the parsed lines); reasons with no line are left out.",
          "type": "array",
          "items": {
            "type": "object",
            "required": ["reason", "explanation", "count", "isRejected"],
            "additionalProperties": false,
            "properties": {
              "reason": { "$ref": "#/$defs/lineReason" },
              "explanation": { "type": "string" },
              "count": { "type": "integer", "minimum": 1 },
              "isRejected": { "description": "true: bad input; false: good input left out on purpose, or a value note.", "type": "boolean" },
              "isValueNote": { "description": "true for order_value_unreadable, order_value_implausible, order_value_outlier and order_total_implausible: lines that were parsed and are counted in parsed, whose order value was left out; absent otherwise.", "const": true }
            }
          }
        },
        "samples": {
          "description": "Examples of rejected lines and of lines with a value note, IP and e-mail addresses and customer ids masked, cut to 200 bytes.",
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
        "cutVisits": { "description": "Visits ended by the maximum visit length or the maximum page views, or closed before their timeout because more visits were open at once than open_visits_memory_mb holds.", "$ref": "#/$defs/count" }
      }
    },
    "lineReason": {
      "enum": ["malformed", "csv_field_count", "missing_field", "invalid_utf8", "line_too_long", "bad_timestamp", "truncated", "far_from_data", "header", "bot", "static_asset", "status_4xx", "status_5xx", "redirect", "method", "outside_period", "order_value_unreadable", "order_value_implausible", "order_value_outlier", "order_total_implausible"]
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
      "required": ["rank", "label", "unit", "value", "previous", "better", "significant", "definition", "interval", "trend", "yearAgo", "yearAgoSignificant"],
      "additionalProperties": false,
      "properties": {
        "rank": { "description": "Place on the page, from 1.", "type": "integer", "minimum": 1 },
        "label": { "type": "string" },
        "unit": {
          "description": "count: a whole number; ratio: a fraction 0..1 at 4 decimals; money: currency units at 2 decimals; seconds and days: durations at 1 decimal; number: other figures; score: a survey score in points at 1 decimal (0..100, NPS -100..100).",
          "enum": ["count", "ratio", "money", "seconds", "days", "score", "number"]
        },
        "value": { "description": "This period's figure; null when its denominator is 0.", "type": ["number", "null"] },
        "previous": { "description": "The previous period's figure; null when the input does not reach it, its denominator is 0, or the period is partial and the figure is no rate.", "type": ["number", "null"] },
        "better": { "description": "Which direction of change is good news.", "enum": ["higher", "lower", "neutral"] },
        "significant": { "description": "Whether the change is larger than chance would make it (|z| >= 1.96); null when not testable.", "type": ["boolean", "null"] },
        "definition": { "type": "string" },
        "numerator": { "description": "For a rate: the count over the denominator (value = numerator / denominator; for a top-box score, x 100).", "type": "integer", "minimum": 0 },
        "denominator": { "description": "For a rate: the count the numerator is a share of.", "type": "integer", "minimum": 0 },
        "interval": {
          "$ref": "#/$defs/interval",
          "description": "95% interval of value, in its unit: Wilson for rates (4 decimals) and top-box scores (x 100, 1 decimal), normal for NPS (1 decimal), a seeded bootstrap for the average order value (2 decimals); null for other KPIs and when value is null."
        },
        "trend": {
          "description": "The figure in up to 12 earlier periods of the history, oldest first, then this period: empty without a history.",
          "type": "array", "maxItems": 13,
          "items": {
            "type": "object", "required": ["period", "value"], "additionalProperties": false,
            "properties": { "period": { "type": "string" }, "value": { "type": ["number", "null"] } }
          }
        },
        "yearAgo": { "description": "The figure in the same ISO week (or month) a year earlier; null when the history lacks it.", "type": ["number", "null"] },
        "yearAgoSignificant": { "description": "Whether the change against a year earlier is larger than noise; null when not testable.", "type": ["boolean", "null"] },
        "pValue": { "description": "The two-sided p-value of the test behind significant, rounded to 6 decimals; absent when not testable.", "type": "number", "minimum": 0, "maximum": 1 },
        "yearAgoPValue": { "description": "The two-sided p-value of the test behind yearAgoSignificant, rounded to 6 decimals; absent when not testable.", "type": "number", "minimum": 0, "maximum": 1 }
      }
    },
    "countKPI": {
      "$ref": "#/$defs/kpi",
      "properties": {
        "unit": { "const": "count" },
        "value": { "type": "integer", "minimum": 0 },
        "previous": { "type": ["integer", "null"], "minimum": 0 },
        "interval": { "$ref": "#/$defs/interval", "items": { "minimum": 0 } },
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
        "previous": { "$ref": "#/$defs/rateOrNull" },
        "interval": { "$ref": "#/$defs/rateInterval" }
      }
    },
    "moneyKPI": {
      "$ref": "#/$defs/kpi",
      "properties": {
        "unit": { "const": "money" },
        "value": { "$ref": "#/$defs/moneyOrNull" },
        "previous": { "$ref": "#/$defs/moneyOrNull" },
        "interval": { "$ref": "#/$defs/moneyInterval" },
        "numerator": false,
        "denominator": false
      }
    },
    "measureKPI": {
      "$ref": "#/$defs/kpi",
      "properties": {
        "value": { "type": ["number", "null"], "minimum": 0 },
        "previous": { "type": ["number", "null"], "minimum": 0 },
        "interval": { "$ref": "#/$defs/interval", "items": { "minimum": 0 } },
        "numerator": false,
        "denominator": false
      }
    },
    "scoreKPI": {
      "description": "A survey score of the period's answers, in points at 1 decimal; value and previous are null without answers.",
      "$ref": "#/$defs/kpi",
      "properties": {
        "unit": { "const": "score" }
      }
    },
    "topBoxKPI": {
      "description": "A top-box survey score: the share of answers in the top box(es) x 100, 0..100 at 1 decimal, with the counts it is made of (value = numerator / denominator x 100) and its Wilson interval x 100.",
      "$ref": "#/$defs/scoreKPI",
      "required": ["numerator", "denominator"],
      "properties": {
        "value": { "type": ["number", "null"], "minimum": 0, "maximum": 100 },
        "previous": { "type": ["number", "null"], "minimum": 0, "maximum": 100 },
        "interval": { "$ref": "#/$defs/scoreInterval" }
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
        "ofFirst": { "description": "Share of the first step's visits; null when the first step has none.", "$ref": "#/$defs/rateOrNull" },
        "dropOff": { "description": "Visits lost since the previous step, as a share of it; null for the first step and when the previous step has no visits.", "$ref": "#/$defs/rateOrNull" }
      }
    },
    "mapNode": {
      "type": "object",
      "required": ["touchpoint", "phase", "views", "visits", "entries", "exits", "exitRate", "funnelStep"],
      "additionalProperties": false,
      "properties": {
        "touchpoint": { "type": "string" },
        "funnelStep": { "description": "The funnel step of the touchpoint's rule; null for none.", "enum": ["product_view", "add_to_cart", "checkout", "purchase", null] },
        "phase": { "enum": ["awareness", "consideration", "purchase", "retention", "advocacy"] },
        "views": { "type": "integer", "minimum": 1 },
        "visits": { "description": "The period's visits with a view of it, each once.", "type": "integer", "minimum": 1 },
        "entries": { "description": "Visits that began here.", "$ref": "#/$defs/count" },
        "exits": { "description": "Visits that ended here.", "$ref": "#/$defs/count" },
        "exitRate": { "description": "exits / views.", "$ref": "#/$defs/rate" }
      }
    },
    "mapLink": {
      "type": "object",
      "required": ["from", "to", "count", "medianSeconds"],
      "additionalProperties": false,
      "properties": {
        "medianSeconds": { "description": "Median seconds from the page view of `from` to the next page view, of `to`, at 1 decimal.", "type": "number", "minimum": 0 },
        "from": { "description": "Key of the node in journeyMap.nodes.", "type": "string" },
        "to": { "description": "Key of the node in journeyMap.nodes.", "type": "string" },
        "count": { "description": "Moves from one to the other within a visit.", "type": "integer", "minimum": 1 }
      }
    },
    "mapReturn": {
      "type": "object",
      "required": ["from", "to", "count", "medianDays"],
      "additionalProperties": false,
      "properties": {
        "medianDays": { "description": "Median days from the last page view of the visit to the first of the next, at 2 decimals.", "type": "number", "minimum": 0 },
        "from": { "description": "Key of the node in journeyMap.nodes: the last touchpoint of the earlier visit.", "type": "string" },
        "to": { "description": "Key of the node in journeyMap.nodes: the landing touchpoint of the next visit.", "type": "string" },
        "count": { "description": "Returns from one to the other.", "type": "integer", "minimum": 1 }
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
        "multiChannel": { "description": "Share of these journeys that used two or more channels; null when there is none.", "$ref": "#/$defs/rateOrNull" },
        "buyers": { "description": "People of the bucket with an order in the period.", "$ref": "#/$defs/count" },
        "conversion": { "description": "buyers / journeys; null when there is none.", "$ref": "#/$defs/rateOrNull" }
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
    "satisfactionRow": {
      "description": "NPS, CSAT and CES of one group of answers (all, a channel, a device, a touchpoint, a path).",
      "type": "object",
      "required": ["id", "label", "people", "nps", "csat", "ces"],
      "additionalProperties": false,
      "properties": {
        "id": { "description": "The group's stable id.", "type": "string" },
        "label": { "type": "string" },
        "people": { "description": "Distinct people who answered in the period.", "$ref": "#/$defs/count" },
        "nps": { "$ref": "#/$defs/npsCell" },
        "csat": { "$ref": "#/$defs/csatCell" },
        "ces": { "$ref": "#/$defs/cesCell" }
      }
    },
    "scoreCell": {
      "description": "One satisfaction score of a group of answers, with what it takes to judge it. Every key is always there; a figure that does not apply or has no answers is null.",
      "type": "object",
      "required": ["answers", "value", "previous", "previousAnswers", "interval", "smallSample", "promoters", "passives", "detractors", "topTwo", "mean"],
      "additionalProperties": false,
      "properties": {
        "answers": { "description": "Answers of the period.", "$ref": "#/$defs/count" },
        "value": { "description": "The score, at 1 decimal; null without answers.", "type": ["number", "null"] },
        "previous": { "description": "The same group's score in the previous period, at 1 decimal; null without answers then.", "type": ["number", "null"] },
        "previousAnswers": { "description": "The same group's answers in the previous period.", "$ref": "#/$defs/count" },
        "interval": { "$ref": "#/$defs/interval", "description": "95% interval of value (Wilson for top-box shares, normal for NPS), at 1 decimal; null without answers." },
        "smallSample": { "description": "Fewer answers than satisfaction.minAnswers.", "type": "boolean" },
        "promoters": { "description": "NPS only: answers 9-10.", "type": ["integer", "null"], "minimum": 0 },
        "passives": { "description": "NPS only: answers 7-8.", "type": ["integer", "null"], "minimum": 0 },
        "detractors": { "description": "NPS only: answers 0-6.", "type": ["integer", "null"], "minimum": 0 },
        "topTwo": { "description": "CSAT only: the share of answers 4-5 x 100 (top-two box), at 1 decimal; null without answers.", "type": ["number", "null"], "minimum": 0, "maximum": 100 },
        "mean": { "description": "The mean answer, at 2 decimals; null without answers.", "type": ["number", "null"] }
      }
    },
    "npsCell": {
      "description": "NPS: % promoters (9-10) minus % detractors (0-6) of the answers 0-10.",
      "$ref": "#/$defs/scoreCell",
      "properties": {
        "value": { "minimum": -100, "maximum": 100 },
        "previous": { "minimum": -100, "maximum": 100 },
        "interval": { "$ref": "#/$defs/npsInterval" },
        "promoters": { "type": "integer" },
        "passives": { "type": "integer" },
        "detractors": { "type": "integer" },
        "topTwo": { "type": "null" },
        "mean": { "minimum": 0, "maximum": 10 }
      }
    },
    "csatCell": {
      "description": "CSAT: % of answers 5 of 1-5 (top box), with the top-two-box share beside it.",
      "$ref": "#/$defs/scoreCell",
      "properties": {
        "value": { "minimum": 0, "maximum": 100 },
        "previous": { "minimum": 0, "maximum": 100 },
        "interval": { "$ref": "#/$defs/scoreInterval" },
        "promoters": { "type": "null" },
        "passives": { "type": "null" },
        "detractors": { "type": "null" },
        "mean": { "minimum": 1, "maximum": 5 }
      }
    },
    "cesCell": {
      "description": "CES: % of answers at the top (very easy) of the cesScale-point scale.",
      "$ref": "#/$defs/scoreCell",
      "properties": {
        "value": { "minimum": 0, "maximum": 100 },
        "previous": { "minimum": 0, "maximum": 100 },
        "interval": { "$ref": "#/$defs/scoreInterval" },
        "promoters": { "type": "null" },
        "passives": { "type": "null" },
        "detractors": { "type": "null" },
        "topTwo": { "type": "null" },
        "mean": { "minimum": 1, "maximum": 7 }
      }
    },
    "answerPath": {
      "description": "A path people took before an NPS answer: the touchpoints of the visit up to what they did just before answering.",
      "type": "object",
      "required": ["steps", "answers", "people", "share"],
      "additionalProperties": false,
      "properties": {
        "steps": {
          "description": "Touchpoint names in order, repeats folded; a longer path keeps its first two and last three steps around `…`. Empty for answers with nothing before them within the lookback window.",
          "type": "array",
          "items": { "type": "string" },
          "maxItems": 6
        },
        "answers": { "type": "integer", "minimum": 1 },
        "people": { "type": "integer", "minimum": 1 },
        "share": { "description": "answers / the period's detractor (or promoter) answers.", "$ref": "#/$defs/rate" }
      }
    },
    "supportRow": {
      "description": "Support contacts of one kind, channel or phase.",
      "type": "object",
      "required": ["id", "label", "contacts", "timed", "people", "ahtSeconds"],
      "additionalProperties": false,
      "properties": {
        "id": { "description": "The kind's name, the channel id or the phase.", "type": "string" },
        "label": { "type": "string" },
        "contacts": { "type": "integer", "minimum": 1 },
        "timed": { "description": "Contacts with a handling time.", "$ref": "#/$defs/count" },
        "people": { "description": "Distinct people with such a contact.", "type": "integer", "minimum": 1 },
        "ahtSeconds": { "description": "Total handling time / timed, in seconds at 1 decimal; null when none is timed.", "type": ["number", "null"], "minimum": 0 }
      }
    },
    "cartSource": {
      "description": "Recovered carts bought through one channel or landing touchpoint.",
      "type": "object",
      "required": ["id", "label", "carts", "people", "share"],
      "additionalProperties": false,
      "properties": {
        "id": { "description": "The channel id, or the touchpoint name (`?` for a visit without one).", "type": "string" },
        "label": { "type": "string" },
        "carts": { "description": "Recovered carts.", "type": "integer", "minimum": 1 },
        "people": { "type": "integer", "minimum": 1 },
        "share": { "description": "carts / cartRecovery.recovered.", "$ref": "#/$defs/rate" }
      }
    },
    "dropOffNext": {
      "type": "object",
      "required": ["kind", "touchpoint", "visits", "people", "share"],
      "additionalProperties": false,
      "properties": {
        "kind": { "description": "visit: the next page of the same visit; next_visit: the landing of the person's next visit within the lookback window; none: neither.", "enum": ["visit", "next_visit", "none"] },
        "touchpoint": { "description": "The touchpoint gone to; empty for none.", "type": "string" },
        "visits": { "type": "integer", "minimum": 1 },
        "people": { "type": "integer", "minimum": 1 },
        "share": { "description": "visits / the step's left.", "$ref": "#/$defs/rate" }
      }
    },
    "variant": {
      "description": "A journey variant: a visit's touchpoints in order, repeats folded.",
      "type": "object",
      "required": ["id", "steps", "visits", "people", "share", "purchases", "conversionRate", "interval"],
      "additionalProperties": false,
      "properties": {
        "id": { "description": "The steps joined by ` > `.", "type": "string", "minLength": 1 },
        "steps": {
          "description": "Touchpoint names in order, repeats folded; a variant of more than 40 steps keeps its first 40 and a final `…`.",
          "type": "array",
          "items": { "type": "string" },
          "minItems": 1,
          "maxItems": 41
        },
        "visits": { "type": "integer", "minimum": 1 },
        "people": { "type": "integer", "minimum": 1 },
        "share": { "description": "visits / the period's visits.", "$ref": "#/$defs/rate" },
        "purchases": { "description": "Visits of the variant with an order.", "$ref": "#/$defs/count" },
        "conversionRate": { "description": "purchases / visits.", "$ref": "#/$defs/rate" },
        "interval": { "$ref": "#/$defs/rateInterval", "description": "95% Wilson interval of conversionRate." }
      }
    },
    "frictionStep": {
      "type": "object",
      "required": ["step", "label", "lost", "lossRate"],
      "additionalProperties": false,
      "properties": {
        "step": { "enum": ["add_to_cart", "checkout", "purchase"] },
        "label": { "type": "string" },
        "lost": { "description": "Visits that reached the step before and not this one.", "$ref": "#/$defs/count" },
        "lossRate": { "description": "lost / the visits of the step before (the funnel row's dropOff); null when that step has none.", "$ref": "#/$defs/rateOrNull" }
      }
    },
    "frictionExit": {
      "type": "object",
      "required": ["touchpoint", "phase", "visits", "exits", "people", "exitRate", "interval"],
      "additionalProperties": false,
      "properties": {
        "touchpoint": { "type": "string" },
        "phase": { "enum": ["consideration", "purchase"] },
        "visits": { "description": "Visits that reached a product view and viewed the touchpoint.", "type": "integer", "minimum": 1 },
        "exits": { "description": "Those of them without a purchase that ended on it.", "$ref": "#/$defs/count" },
        "people": { "type": "integer", "minimum": 1 },
        "exitRate": { "description": "exits / visits.", "$ref": "#/$defs/rate" },
        "interval": { "$ref": "#/$defs/rateInterval", "description": "95% Wilson interval of exitRate." }
      }
    },
    "valueRow": {
      "description": "One row of a table of values taken from the logs (an entry page, a campaign, a search term, a product), masked like every logged value (a longer one cut after 120 characters, with `…`). Rows are grouped before masking, so two rows can show the same masked value.",
      "type": "object",
      "required": ["value", "visits", "people", "views", "bounces", "carts", "purchases", "orders", "revenue", "conversionRate"],
      "additionalProperties": false,
      "properties": {
        "value": { "type": "string" },
        "visits": { "description": "Visits with the value (entry pages: landing on it; products: viewing it).", "$ref": "#/$defs/count" },
        "people": { "type": "integer", "minimum": 1 },
        "views": { "description": "Page views (entry pages: landings; search terms: searches; products: product views).", "$ref": "#/$defs/count" },
        "bounces": { "description": "Entry pages: visits that saw only this page; 0 in the other tables.", "$ref": "#/$defs/count" },
        "carts": { "description": "Products: add-to-carts directly from the product page; 0 in the other tables.", "$ref": "#/$defs/count" },
        "cartVisits": { "description": "Products: visits that added it to the cart directly from the product page; 0 in the other tables (absent in reports written before rows carried it).", "$ref": "#/$defs/count" },
        "purchases": { "description": "Those visits with an order (products: visits that ordered after adding it to the cart).", "$ref": "#/$defs/count" },
        "orders": { "description": "The orders of those visits.", "$ref": "#/$defs/count" },
        "revenue": { "description": "The order values of those visits (the whole visit's, also for a product).", "$ref": "#/$defs/money" },
        "conversionRate": { "description": "purchases / visits; products: purchases / cartVisits, visits that added it and ordered / visits that added it (0 when the denominator is 0).", "$ref": "#/$defs/rate" }
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

/// The templates and stylesheet of `report-templates/` as journeys ships them, so that the binary
/// renders its pages anywhere, without the folder. Written by `scripts/embed_templates.py`; a
/// test keeps them the same as the files.
enum BuiltInTemplates {
    /// `report-templates/report.mustache`
    static let report = #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{t.page.title}}</title>
<style>
{{{css}}}
</style>
</head>
<body>
<header class="page-header">
<nav class="page-links" aria-label="{{t.nav.label}}"><p class="crumbs"><a href="../index.html">{{t.nav.allPeriods}}</a>{{#previousLink}} · <a href="{{href}}" rel="prev">{{text}}</a>{{/previousLink}}{{#nextLink}} · <a href="{{href}}" rel="next">{{text}}</a>{{/nextLink}}{{#hasDiff}} · <a href="diff.html">{{t.nav.diff}}</a>{{/hasDiff}} · <a href="report.json">{{t.nav.json}}</a></p></nav>
<h1>{{t.page.heading}} <span class="period">{{periodLabel}}</span>{{#partial}} <span class="badge">{{t.badge.partial}}</span>{{/partial}}</h1>
<p class="subtitle">{{t.page.subtitle}}</p>
<nav class="toc" aria-label="{{t.toc.label}}"><p class="crumbs">{{t.toc.title}}: {{#toc}}<a href="#{{id}}">{{title}}</a>{{^isLast}} · {{/isLast}}{{/toc}}</p></nav>
</header>
<main>
<section id="changes">
<h2>{{t.changes.title}}</h2>
{{#partial}}<p class="note">{{t.changes.partialNote}}</p>
{{/partial}}{{#hasChanges}}<p class="note">{{t.changes.note}}{{#hasDiff}} <a href="diff.html">{{t.changes.wholeComparison}}</a> (<a href="diff.md">{{t.changes.asMarkdown}}</a>).{{/hasDiff}}</p>
<ol class="changes">
{{#changes}}<li class="{{trend}}">{{text}}</li>
{{/changes}}</ol>{{/hasChanges}}
{{^hasChanges}}<p>{{t.changes.none}}{{#hasDiff}} <a href="diff.html">{{t.changes.wholeComparison}}</a>.{{/hasDiff}}</p>{{/hasChanges}}
</section>
<section id="kpis">
<h2>{{t.kpis.title}}</h2>
<p class="note">{{t.kpis.note}}</p>
<div class="kpi-grid">
{{#kpis}}
<div class="kpi" id="kpi-{{key}}">
<p class="kpi-label">{{label}}</p>
<p class="kpi-value">{{value}}</p>
<p class="kpi-change {{trend}}">{{changeLine}}{{#hasNoise}} <span class="noise">· {{noise}}</span>{{/hasNoise}}</p>
{{#hasInterval}}<p class="kpi-interval">{{intervalLine}}</p>
{{/hasInterval}}{{#yearAgo}}<p class="kpi-year">{{.}}</p>
{{/yearAgo}}{{#spark}}<figure class="spark-chart">{{{.}}}</figure>
{{/spark}}<p class="kpi-def">{{definition}}</p>
</div>
{{/kpis}}
</div>
</section>

<section id="funnel">
<h2>{{t.funnel.title}}</h2>
<p class="note">{{t.funnel.note}}</p>
<figure class="chart">{{{funnelSVG}}}</figure>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.step}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.funnel.ofFirst}}</th><th class="num">{{t.funnel.dropOff}}</th></tr></thead>
<tbody>
{{#funnel}}<tr><td>{{label}}</td><td class="num">{{visits}}</td><td class="num">{{ofFirst}}</td><td class="num">{{dropOff}}</td></tr>
{{/funnel}}
</tbody>
</table></div>
</section>

{{#questions}}<section id="drop-offs">
<h2>{{t.dropOffs.title}}</h2>
<p class="note">{{t.dropOffs.note}}</p>
{{#dropOffs}}<h3>{{heading}}</h3>
{{#hasRows}}<div class="table-scroll"><table>
<thead><tr><th>{{t.dropOffs.wentNext}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.people}}</th><th class="num">{{t.col.share}}</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{#hasTouchpoint}}{{touchpoint}}<span class="sub">{{kind}}</span>{{/hasTouchpoint}}{{^hasTouchpoint}}{{kind}}{{/hasTouchpoint}}</td><td class="num">{{visits}}</td><td class="num">{{people}}</td><td class="num">{{share}}</td></tr>
{{/rows}}</tbody>
</table></div>{{/hasRows}}
{{^hasRows}}<p>{{t.dropOffs.nothing}}</p>{{/hasRows}}
{{/dropOffs}}
{{#dropOffsWithheld.has}}<p class="note withheld">{{dropOffsWithheld.text}}.</p>
{{/dropOffsWithheld.has}}</section>

<section id="segment-funnels">
<h2>{{t.segmentFunnels.title}}</h2>
<p class="note">{{t.segmentFunnels.note}}</p>
{{#segmentFunnels}}<h3>{{title}}</h3>
{{#hasRows}}<div class="table-scroll"><table>
<thead><tr><th>{{group}}</th><th class="num">{{t.col.visits}}</th>{{#stepNames}}<th class="num">{{.}}</th>{{/stepNames}}<th class="num">{{t.col.conversion}}</th><th class="num">{{t.col.interval}}</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{label}}</td><td class="num">{{visits}}</td>{{#steps}}<td class="num">{{count}}<span class="sub">{{share}}</span></td>{{/steps}}<td class="num">{{rate}}</td><td class="num">{{interval}}</td></tr>
{{/rows}}</tbody>
</table></div>{{/hasRows}}
{{^hasRows}}<p>{{t.common.noSegment}}</p>{{/hasRows}}
{{/segmentFunnels}}
{{#segmentFunnelsWithheld.has}}<p class="note withheld">{{segmentFunnelsWithheld.text}}.</p>
{{/segmentFunnelsWithheld.has}}</section>

<section id="carts">
<h2>{{t.carts.title}}</h2>
{{#carts}}<p class="note">{{t.carts.note}}</p>
<div class="kpi-grid">
{{#figures}}<div class="kpi">
<p class="kpi-label">{{label}}</p>
<p class="kpi-value">{{value}}</p>
<p class="kpi-change flat">{{detail}}</p>
<p class="kpi-def">{{definition}}</p>
</div>
{{/figures}}</div>
{{#sources}}<h3>{{title}}</h3>
{{#hasRows}}<div class="table-scroll"><table>
<thead><tr><th>{{group}}</th><th class="num">{{t.carts.recoveredCarts}}</th><th class="num">{{t.col.people}}</th><th class="num">{{t.carts.shareOfRecovered}}</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{label}}</td><td class="num">{{carts}}</td><td class="num">{{people}}</td><td class="num">{{share}}</td></tr>
{{/rows}}</tbody>
</table></div>{{/hasRows}}
{{^hasRows}}<p>{{t.common.nothing}}</p>{{/hasRows}}
{{/sources}}{{/carts}}
{{#cartsWithheld.has}}<p class="note withheld">{{cartsWithheld.text}}.</p>
{{/cartsWithheld.has}}</section>
{{/questions}}

<section id="journey-map">
<h2>{{t.journeyMap.title}}</h2>
<p class="note">{{t.journeyMap.note}}{{#mapLeftOut}} {{mapLeftOut}}{{/mapLeftOut}}</p>
{{#hasJourneyMap}}<figure class="chart wide">{{{journeyMapSVG}}}</figure>{{/hasJourneyMap}}
{{^hasJourneyMap}}<p>{{t.journeyMap.empty}}</p>{{/hasJourneyMap}}
<h3>{{t.loops.title}}</h3>
<p class="note">{{t.loops.note}}</p>
{{#hasLoops}}<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.loops.loop}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.purchases}}</th><th class="num">{{t.col.conversion}}</th><th class="num">{{t.loops.allVisits}}</th></tr></thead>
<tbody>
{{#loops}}<tr><td>{{from}} → {{via}} → {{from}}</td><td class="num">{{visits}}</td><td class="num">{{purchases}}</td><td class="num">{{rate}}</td><td class="num">{{vs}}</td></tr>
{{/loops}}
</tbody>
</table></div>{{/hasLoops}}
{{^hasLoops}}<p>{{t.loops.none}}</p>{{/hasLoops}}
<h3>{{t.exitPages.title}}</h3>
<p class="note">{{t.exitPages.note}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.touchpoint}}</th><th>{{t.col.phase}}</th><th class="num">{{t.col.views}}</th><th class="num">{{t.col.exits}}</th><th class="num">{{t.col.exitRate}}</th></tr></thead>
<tbody>
{{#exitPages}}<tr><td>{{touchpoint}}</td><td>{{phase}}</td><td class="num">{{views}}</td><td class="num">{{exits}}</td><td class="num">{{exitRate}}</td></tr>
{{/exitPages}}
</tbody>
</table></div>
</section>

{{#questions}}<section id="variants">
<h2>{{t.variants.title}}</h2>
<p class="note">{{t.variants.note}} <a href="#journey-map">{{t.loops.title}}</a>.</p>
{{#hasVariants}}<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.variants.variant}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.share}}</th><th class="num">{{t.col.purchases}}</th><th class="num">{{t.col.conversion}}</th><th class="num">{{t.col.interval}}</th></tr></thead>
<tbody>
{{#variants}}<tr><td>{{steps}}</td><td class="num">{{visits}}</td><td class="num">{{share}}</td><td class="num">{{purchases}}</td><td class="num">{{rate}}</td><td class="num">{{interval}}</td></tr>
{{/variants}}</tbody>
</table></div>{{/hasVariants}}
{{^hasVariants}}<p>{{t.variants.none}}</p>{{/hasVariants}}
{{#variantsWithheld.has}}<p class="note withheld">{{variantsWithheld.text}}.</p>
{{/variantsWithheld.has}}{{#friction}}<h3>{{t.friction.stepsTitle}}</h3>
<p class="note">{{t.friction.stepsNote}}</p>
{{#hasSteps}}<div class="table-scroll"><table>
<thead><tr><th>{{t.col.step}}</th><th class="num">{{t.friction.lost}}</th><th class="num">{{t.friction.lossRate}}</th></tr></thead>
<tbody>
{{#steps}}<tr><td>{{label}}</td><td class="num">{{lost}}</td><td class="num">{{rate}}</td></tr>
{{/steps}}</tbody>
</table></div>{{/hasSteps}}
<h3>{{t.friction.exitsTitle}}</h3>
<p class="note">{{t.friction.exitsNote}}</p>
{{#hasExits}}<div class="table-scroll"><table>
<thead><tr><th>{{t.col.touchpoint}}</th><th>{{t.col.phase}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.exits}}</th><th class="num">{{t.col.exitRate}}</th><th class="num">{{t.col.interval}}</th></tr></thead>
<tbody>
{{#exits}}<tr><td>{{touchpoint}}</td><td>{{phase}}</td><td class="num">{{visits}}</td><td class="num">{{exits}}</td><td class="num">{{rate}}</td><td class="num">{{interval}}</td></tr>
{{/exits}}</tbody>
</table></div>{{/hasExits}}
{{^hasExits}}<p>{{t.common.nothing}}</p>{{/hasExits}}
{{/friction}}{{#frictionWithheld.has}}<p class="note withheld">{{frictionWithheld.text}}.</p>
{{/frictionWithheld.has}}</section>
{{/questions}}

<section id="segments">
<h2>{{t.segments.title}}</h2>
<div class="table-scroll"><table>
<thead><tr><th>{{t.segments.segment}}</th><th></th><th class="num">{{t.col.visits}}</th><th class="num">{{t.segments.bounceRate}}</th><th class="num">{{t.segments.conversionRate}}</th><th class="num">{{t.col.orders}}</th><th class="num">{{t.col.revenue}}</th></tr></thead>
<tbody>
{{#segments}}<tr><td>{{dimension}}</td><td>{{segment}}</td><td class="num">{{visits}}</td><td class="num">{{bounce}}</td><td class="num">{{conversion}}</td><td class="num">{{orders}}</td><td class="num">{{revenue}}</td></tr>
{{/segments}}
</tbody>
</table></div>
<p class="note">{{t.segments.note}}</p>
<h3>{{t.journeyLengths.title}}</h3>
<p class="note">{{t.journeyLengths.note}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.journeyLengths.visits}}</th><th class="num">{{t.col.people}}</th><th class="num">{{t.journeyLengths.multiChannel}}</th><th class="num">{{t.col.buyers}}</th><th class="num">{{t.journeyLengths.buyerShare}}</th></tr></thead>
<tbody>
{{#journeyLengths}}<tr><td>{{visits}}</td><td class="num">{{journeys}}</td><td class="num">{{multi}}</td><td class="num">{{buyers}}</td><td class="num">{{conversion}}</td></tr>
{{/journeyLengths}}
</tbody>
</table></div>
</section>

<section id="channels">
<h2>{{t.channels.title}}</h2>
<p class="note">{{t.channels.note}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.channel}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.channels.started}}</th><th class="num">{{t.channels.closed}}</th><th class="num">{{t.col.orders}}</th><th class="num">{{t.col.revenue}}</th><th class="num">{{t.attribution.first_touch.column}}</th><th class="num">{{t.attribution.last_touch.column}}</th><th class="num">{{t.attribution.last_non_direct.column}}</th><th class="num">{{t.attribution.linear.column}}</th><th class="num">{{t.attribution.time_decay.column}}</th><th class="num">{{t.attribution.position_based.column}}</th><th class="num">{{t.attribution.markov.column}}</th></tr></thead>
<tbody>
{{#channels}}<tr><td>{{label}}</td><td class="num">{{visits}}</td><td class="num">{{started}}</td><td class="num">{{closed}}</td><td class="num">{{orders}}</td><td class="num">{{revenue}}</td><td class="num">{{first}}</td><td class="num">{{last}}</td><td class="num">{{lastNonDirect}}</td><td class="num">{{linear}}</td><td class="num">{{timeDecay}}</td><td class="num">{{position}}</td><td class="num">{{markov}}</td></tr>
{{/channels}}
</tbody>
</table></div>
{{#disagreements}}<p class="flag">{{t.channels.disagree}} <strong>{{label}}</strong>: {{detail}}</p>
{{/disagreements}}
<dl class="models">
<dt>{{t.attribution.first_touch.term}}</dt><dd>{{t.attribution.first_touch.definition}}</dd>
<dt>{{t.attribution.last_touch.term}}</dt><dd>{{t.attribution.last_touch.definition}}</dd>
<dt>{{t.attribution.last_non_direct.term}}</dt><dd>{{t.attribution.last_non_direct.definition}}</dd>
<dt>{{t.attribution.linear.term}}</dt><dd>{{t.attribution.linear.definition}}</dd>
<dt>{{t.attribution.time_decay.term}}</dt><dd>{{t.attribution.time_decay.definition}}</dd>
<dt>{{t.attribution.position_based.term}}</dt><dd>{{t.attribution.position_based.definition}}</dd>
<dt>{{t.attribution.markov.term}}</dt><dd>{{t.attribution.markov.definition}}</dd>
</dl>
</section>

{{#questions}}<section id="logged-values">
<h2>{{t.loggedValues.title}}</h2>
<p class="note">{{t.loggedValues.note}}</p>
{{#valueTables}}<h3 id="{{id}}">{{title}}</h3>
<p class="note">{{note}}</p>
{{#hasRows}}<div class="table-scroll"><table class="named values">
<thead><tr><th>{{group}}</th>{{#columns}}<th class="num">{{.}}</th>{{/columns}}</tr></thead>
<tbody>
{{#rows}}<tr><td>{{#code}}<code>{{value}}</code>{{/code}}{{^code}}{{value}}{{/code}}</td>{{#cells}}<td class="num">{{.}}</td>{{/cells}}</tr>
{{/rows}}</tbody>
</table></div>{{/hasRows}}
{{^hasRows}}<p>{{t.common.nothing}}</p>{{/hasRows}}
{{/valueTables}}
{{#valueTablesWithheld.has}}<p class="note withheld">{{valueTablesWithheld.text}}.</p>
{{/valueTablesWithheld.has}}</section>

<section id="weekday-hour">
<h2>{{t.weekdayHour.title}}</h2>
<p class="note">{{t.weekdayHour.note}}</p>
<figure class="chart wide">{{{heatmapSVG}}}</figure>
{{#heatmapTables}}<details class="numbers">
<summary>{{t.weekdayHour.asTables}}</summary>
{{#grids}}<h3>{{title}}</h3>
<div class="table-scroll"><table class="grid">
<thead><tr><th>{{t.weekdayHour.day}}</th>{{#hours}}<th class="num">{{.}}</th>{{/hours}}<th class="num">{{t.weekdayHour.total}}</th></tr></thead>
<tbody>
{{#rows}}<tr><th>{{day}}</th>{{#cells}}<td class="num">{{.}}</td>{{/cells}}<td class="num">{{total}}</td></tr>
{{/rows}}</tbody>
</table></div>
{{/grids}}</details>
{{/heatmapTables}}</section>
{{/questions}}

{{#hasCohorts}}<section id="cohorts">
<h2>{{t.cohorts.title}}</h2>
<p class="note">{{t.cohorts.note}}</p>
<div class="table-scroll"><table class="cohorts">
<thead><tr><th>{{t.cohorts.firstOrder}}</th><th class="num">{{t.col.customers}}</th>{{#cohorts.months}}<th class="num">{{month}}</th>{{/cohorts.months}}</tr></thead>
<tbody>
{{#cohorts.rows}}<tr><td>{{cohort}}</td><td class="num">{{customers}}</td>{{#cells}}<td class="num heat {{shade}}">{{text}}</td>{{/cells}}</tr>
{{/cohorts.rows}}</tbody>
</table></div>
</section>
{{/hasCohorts}}{{#lifecycle}}<section id="lifecycle">
<h2>{{t.lifecycle.title}}</h2>
<p class="note">{{t.lifecycle.note}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.lifecycle.stateColumn}}</th><th class="num">{{t.col.customers}}</th></tr></thead>
<tbody>
{{#states}}<tr><td>{{state}}</td><td class="num">{{customers}}</td></tr>
{{/states}}</tbody>
</table></div>
<h3>{{t.lifecycle.movesTitle}}</h3>
<div class="table-scroll"><table>
<thead><tr><th>{{t.lifecycle.from}}</th><th>{{t.lifecycle.to}}</th><th class="num">{{t.col.customers}}</th></tr></thead>
<tbody>
{{#flows}}<tr><td>{{from}}</td><td>{{to}}</td><td class="num">{{customers}}</td></tr>
{{/flows}}</tbody>
</table></div>
</section>
{{/lifecycle}}<section id="customer-value">
<h2>{{t.customerValue.title}}</h2>
{{#customerValue}}
<p class="note">{{t.customerValue.note}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.firstBroughtBy}}</th><th class="num">{{t.col.people}}</th><th class="num">{{t.col.buyers}}</th><th class="num">{{t.col.aov}}</th><th class="num">{{t.customerValue.perYear}}</th><th class="num">{{t.customerValue.clv}}</th></tr></thead>
<tbody>
{{#channels}}<tr><td>{{label}}</td><td class="num">{{extra}}</td><td class="num">{{buyers}}</td><td class="num">{{aov}}</td><td class="num">{{perYear}}</td><td class="num">{{clv}}</td></tr>
{{/channels}}
</tbody>
</table></div>
<div class="table-scroll"><table>
<thead><tr><th>{{t.customerValue.tier}}</th><th class="num">{{t.col.revenue}}</th><th class="num">{{t.col.buyers}}</th><th class="num">{{t.col.aov}}</th><th class="num">{{t.customerValue.perYear}}</th><th class="num">{{t.customerValue.clv}}</th></tr></thead>
<tbody>
{{#tiers}}<tr><td>{{label}}</td><td class="num">{{extra}}</td><td class="num">{{buyers}}</td><td class="num">{{aov}}</td><td class="num">{{perYear}}</td><td class="num">{{clv}}</td></tr>
{{/tiers}}
{{#all}}<tr><td><strong>{{label}}</strong></td><td class="num"></td><td class="num">{{buyers}}</td><td class="num">{{aov}}</td><td class="num">{{perYear}}</td><td class="num">{{clv}}</td></tr>{{/all}}
</tbody>
</table></div>
{{/customerValue}}
</section>

{{#clvModel}}
<section id="predicted-value">
<h2>{{t.predictedValue.title}}</h2>
{{#fitted}}
<p class="note">{{t.predictedValue.note}}</p>
<p>{{fittedLine}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.firstBroughtBy}}</th><th class="num">{{t.col.customers}}</th><th class="num">{{t.predictedValue.purchases}}</th><th class="num">{{t.predictedValue.value}}</th><th class="num">{{t.predictedValue.alive}}</th></tr></thead>
<tbody>
{{#channels}}<tr><td>{{label}}</td><td class="num">{{customers}}</td><td class="num">{{purchases}}</td><td class="num">{{value}}</td><td class="num">{{alive}}</td></tr>
{{/channels}}
{{#all}}<tr><td><strong>{{label}}</strong></td><td class="num">{{customers}}</td><td class="num">{{purchases}}</td><td class="num">{{value}}</td><td class="num">{{alive}}</td></tr>{{/all}}
</tbody>
</table></div>
<div class="table-scroll"><table>
<thead><tr><th>{{t.predictedValue.tier}}</th><th class="num">{{t.predictedValue.spend}}</th><th class="num">{{t.col.customers}}</th><th class="num">{{t.predictedValue.purchases}}</th><th class="num">{{t.predictedValue.value}}</th><th class="num">{{t.predictedValue.alive}}</th></tr></thead>
<tbody>
{{#tiers}}<tr><td>{{label}}</td><td class="num">{{extra}}</td><td class="num">{{customers}}</td><td class="num">{{purchases}}</td><td class="num">{{value}}</td><td class="num">{{alive}}</td></tr>
{{/tiers}}
</tbody>
</table></div>
{{/fitted}}
{{#reason}}<p>{{.}}</p>{{/reason}}
</section>
{{/clvModel}}

<section id="paths">
<h2>{{t.paths.title}}</h2>
<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.paths.path}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.purchases}}</th><th class="num">{{t.col.conversion}}</th></tr></thead>
<tbody>
{{#paths}}<tr><td>{{steps}}</td><td class="num">{{visits}}</td><td class="num">{{purchases}}</td><td class="num">{{rate}}</td></tr>
{{/paths}}
</tbody>
</table></div>
<h3>{{t.paths.buyingTitle}}</h3>
<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.paths.buyingPath}}</th><th class="num">{{t.col.visits}}</th></tr></thead>
<tbody>
{{#buyingPaths}}<tr><td>{{steps}}</td><td class="num">{{visits}}</td></tr>
{{/buyingPaths}}
</tbody>
</table></div>
</section>

<section id="satisfaction">
<h2>{{t.satisfaction.title}}</h2>
{{#satisfactionJoined}}<p class="note">{{t.satisfaction.note}} <span class="badge">{{t.badge.smallSample}}</span> {{t.satisfaction.smallSampleNote}}</p>
<div class="kpi-grid">
{{#cards}}<div class="kpi">
<p class="kpi-label">{{label}}{{#small}} <span class="badge">{{t.badge.smallSample}}</span>{{/small}}</p>
<p class="kpi-value">{{value}}{{#hasTopTwo}} <span class="beside">{{topTwoLine}}</span>{{/hasTopTwo}}</p>
<p class="kpi-change flat">{{answersLine}}</p>
<p class="kpi-interval">{{intervalLine}}</p>
{{#hasParts}}<p class="kpi-interval">{{parts}}</p>
{{/hasParts}}<p class="kpi-def">{{definition}}</p>
</div>
{{/cards}}</div>
<h3>{{t.satisfaction.joinedTitle}}</h3>
<p class="note">{{t.satisfaction.joinedNote}}</p>
{{#tables}}<h4 id="{{id}}">{{title}}</h4>
<p class="note">{{note}}</p>
{{#hasRows}}<div class="table-scroll"><table class="scores named">
<thead><tr><th>{{group}}</th><th class="num">{{t.col.people}}</th><th class="num">NPS</th><th class="num">CSAT</th><th class="num">CES</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{label}}</td><td class="num">{{people}}</td>{{#scores}}<td class="num"><strong>{{value}}</strong>{{#hasAnswers}}{{#small}} <span class="badge">{{t.badge.smallSample}}</span>{{/small}}{{#hasTopTwo}}<span class="sub">{{topTwoLine}}</span>{{/hasTopTwo}}<span class="sub">{{answersLine}}</span><span class="sub">{{intervalLine}}</span>{{/hasAnswers}}{{^hasAnswers}}<span class="sub">{{t.satisfaction.noAnswersCell}}</span>{{/hasAnswers}}</td>{{/scores}}</tr>
{{/rows}}</tbody>
</table></div>{{/hasRows}}
{{^hasRows}}<p>{{empty}}</p>{{/hasRows}}
{{#hasWithheld}}<p class="note withheld">{{withheld}}.</p>
{{/hasWithheld}}{{/tables}}
<h4>{{t.satisfaction.pathsTitle}}</h4>
<p class="note">{{t.satisfaction.pathsNote}}</p>
<div class="side-by-side">
<div>
<h5>{{t.satisfaction.detractorPaths}}</h5>
{{#hasDetractorPaths}}<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.col.path}}</th><th class="num">{{t.col.answers}}</th><th class="num">{{t.col.share}}</th></tr></thead>
<tbody>
{{#detractorPaths}}<tr><td>{{steps}}</td><td class="num">{{answers}}</td><td class="num">{{share}}</td></tr>
{{/detractorPaths}}</tbody>
</table></div>{{/hasDetractorPaths}}
{{^hasDetractorPaths}}<p>{{empty}}</p>{{/hasDetractorPaths}}
</div>
<div>
<h5>{{t.satisfaction.promoterPaths}}</h5>
{{#hasPromoterPaths}}<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.col.path}}</th><th class="num">{{t.col.answers}}</th><th class="num">{{t.col.share}}</th></tr></thead>
<tbody>
{{#promoterPaths}}<tr><td>{{steps}}</td><td class="num">{{answers}}</td><td class="num">{{share}}</td></tr>
{{/promoterPaths}}</tbody>
</table></div>{{/hasPromoterPaths}}
{{^hasPromoterPaths}}<p>{{empty}}</p>{{/hasPromoterPaths}}
</div>
</div>
{{#hasPathsWithheld}}<p class="note withheld">{{pathsWithheld}}.</p>
{{/hasPathsWithheld}}{{/satisfactionJoined}}{{^hasSatisfactionJoined}}<div class="kpi-grid">
{{#satisfaction}}
<div class="kpi">
<p class="kpi-label">{{label}}</p>
<p class="kpi-value">{{value}}</p>
<p class="kpi-change flat">{{answersLine}}</p>
<p class="kpi-def">{{definition}}</p>
</div>
{{/satisfaction}}
</div>{{/hasSatisfactionJoined}}
</section>

{{#questions}}<section id="support">
<h2>{{t.support.title}}</h2>
<p class="note">{{t.support.note}}</p>
{{#support}}<div class="kpi-grid">
{{#figures}}<div class="kpi">
<p class="kpi-label">{{label}}</p>
<p class="kpi-value">{{value}}</p>
<p class="kpi-def">{{definition}}</p>
</div>
{{/figures}}</div>
{{#tables}}<h3>{{title}}</h3>
{{#hasRows}}<div class="table-scroll"><table>
<thead><tr><th>{{group}}</th><th class="num">{{t.support.contacts}}</th><th class="num">{{t.support.timed}}</th><th class="num">{{t.col.people}}</th><th class="num">{{t.support.aht}}</th></tr></thead>
<tbody>
{{#rows}}<tr><td>{{label}}</td><td class="num">{{contacts}}</td><td class="num">{{timed}}</td><td class="num">{{people}}</td><td class="num">{{aht}}</td></tr>
{{/rows}}</tbody>
</table></div>{{/hasRows}}
{{^hasRows}}<p>{{t.common.nothing}}</p>{{/hasRows}}
{{/tables}}{{/support}}
{{#supportWithheld.has}}<p class="note withheld">{{supportWithheld.text}}.</p>
{{/supportWithheld.has}}</section>
{{/questions}}

<section id="rules">
<h2>{{t.rules.title}}</h2>
{{#hasUnmatched}}
<p class="note">{{t.rules.unmatchedNote}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.path}}</th><th class="num">{{t.col.views}}</th></tr></thead>
<tbody>
{{#unmatched}}<tr><td><code>{{path}}</code></td><td class="num">{{views}}</td></tr>
{{/unmatched}}
</tbody>
</table></div>
{{/hasUnmatched}}
{{^hasUnmatched}}<p>{{t.rules.allMatched}}</p>{{/hasUnmatched}}
{{#hasUnusedRules}}<p>{{t.rules.unused}} {{unusedRules}}.</p>{{/hasUnusedRules}}
</section>

<section id="data-quality">
<h2>{{t.dataQuality.title}}</h2>
{{#input}}
<p>{{t.dataQuality.summary}}</p>
{{#hasValueNotes}}<p>{{valueNotesText}}</p>
{{/hasValueNotes}}<div class="table-scroll"><table>
<thead><tr><th>{{t.dataQuality.reason}}</th><th>{{t.dataQuality.kind}}</th><th class="num">{{t.dataQuality.lines}}</th><th>{{t.dataQuality.meaning}}</th></tr></thead>
<tbody>
{{#reasons}}<tr><td><code>{{reason}}</code></td><td>{{kind}}</td><td class="num">{{count}}</td><td>{{explanation}}</td></tr>
{{/reasons}}
</tbody>
</table></div>
{{#questions}}{{#hasWithheldRows}}<h3>{{t.dataQuality.withheldTitle}}</h3>
<p>{{withheldText}} (<code>privacy.min_people</code>){{t.dataQuality.withheldNote}}</p>
<div class="table-scroll"><table>
<thead><tr><th>{{t.dataQuality.table}}</th><th class="num">{{t.dataQuality.rowsWithheld}}</th></tr></thead>
<tbody>
{{#withheldByTable}}<tr><td>{{table}}</td><td class="num">{{rows}}</td></tr>
{{/withheldByTable}}</tbody>
</table></div>
{{/hasWithheldRows}}{{/questions}}
{{#hasSamples}}
<h3>{{t.dataQuality.samplesTitle}}</h3>
<div class="table-scroll"><table class="samples">
<thead><tr><th>{{t.dataQuality.reason}}</th><th>{{t.dataQuality.fileLine}}</th><th>{{t.dataQuality.sampleText}}</th></tr></thead>
<tbody>
{{#samples}}<tr><td><code>{{reason}}</code></td><td>{{file}}:{{line}}</td><td><code>{{text}}</code></td></tr>
{{/samples}}
</tbody>
</table></div>
{{/hasSamples}}
{{#hasResorted}}<h3>{{t.dataQuality.resortedTitle}}</h3>
<p class="note">{{t.dataQuality.resortedNote}}</p>
<ul>
{{#resorted}}<li>{{text}}</li>
{{/resorted}}</ul>
{{/hasResorted}}
<h3>{{t.dataQuality.filesTitle}}</h3>
<div class="table-scroll"><table>
<thead><tr><th>{{t.dataQuality.file}}</th><th class="num">{{t.dataQuality.read}}</th><th class="num">{{t.dataQuality.parsed}}</th><th class="num">{{t.dataQuality.filtered}}</th><th class="num">{{t.dataQuality.rejected}}</th><th>{{t.dataQuality.damage}}</th></tr></thead>
<tbody>
{{#files}}<tr><td>{{name}}</td><td class="num">{{read}}</td><td class="num">{{parsed}}</td><td class="num">{{filtered}}</td><td class="num">{{rejected}}</td><td>{{damage}}</td></tr>
{{/files}}
</tbody>
</table></div>
{{/input}}
</section>
</main>
<footer>
<p>{{t.footer.rules}}</p>
<p>{{t.footer.madeBy}}</p>
</footer>
</body>
</html>

"""#
    /// `report-templates/index.mustache`
    static let index = #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{t.index.title}}</title>
<style>
{{{css}}}
</style>
</head>
<body>
<header class="page-header">
<h1>{{t.page.heading}}</h1>
<p class="subtitle">{{t.index.subtitle}}</p>
{{#hasPeriods}}<nav class="toc" aria-label="{{t.toc.label}}"><p class="crumbs">{{#contents}}<a href="#{{id}}">{{title}}</a>{{^isLast}} · {{/isLast}}{{/contents}}</p></nav>
{{/hasPeriods}}</header>
<main>
{{#groups}}<section id="{{id}}">
<h2>{{title}}</h2>
<div class="table-scroll"><table>
<thead><tr><th>{{t.index.period}}</th><th>{{t.index.daysColumn}}</th><th class="num">{{t.index.visitors}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.conversion}}</th><th class="num">{{t.col.orders}}</th><th class="num">{{t.col.revenue}}</th><th>{{t.index.rules}}</th><th>{{t.index.changes}}</th></tr></thead>
<tbody>
{{#periods}}<tr><td><a href="{{href}}">{{period}}</a>{{#partial}} <span class="badge">{{t.badge.partial}}</span>{{/partial}}</td><td>{{days}}</td><td class="num">{{visitors}}</td><td class="num">{{visits}}</td><td class="num">{{conversion}}</td><td class="num">{{orders}}</td><td class="num">{{revenue}}</td><td>{{rules}}</td><td>{{#hasDiff}}<a href="{{diffHref}}">{{t.index.againstBefore}}</a>{{/hasDiff}}</td></tr>
{{/periods}}
</tbody>
</table></div>
{{#hasTrends}}<h3>{{t.index.trendsTitle}}</h3>
<p class="note">{{t.index.trendsNote}}</p>
<div class="table-scroll"><table class="named">
<thead><tr><th>{{t.diff.kpi}}</th><th class="num">{{t.index.latest}}</th><th>{{t.index.trend}}</th></tr></thead>
<tbody>
{{#trends}}<tr><td>{{label}}</td><td class="num">{{value}}<span class="sub">{{period}}</span></td><td>{{{spark}}}</td></tr>
{{/trends}}</tbody>
</table></div>{{/hasTrends}}
</section>
{{/groups}}{{^hasPeriods}}<p>{{t.index.none}}</p>
{{/hasPeriods}}</main>
</body>
</html>

"""#
    /// `report-templates/diff.mustache`
    static let diff = #"""
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" lang="{{lang}}">
<head>
<meta charset="utf-8"/>
<meta name="viewport" content="width=device-width, initial-scale=1"/>
<title>{{t.diff.pageTitle}}</title>
<style>
{{{css}}}
</style>
</head>
<body>
<header class="page-header">
{{#published}}<nav class="page-links" aria-label="{{t.nav.label}}"><p class="crumbs"><a href="../index.html">{{t.nav.allPeriods}}</a> · <a href="index.html">{{newPeriodLabel}}</a> · <a href="../{{basePeriod}}/index.html">{{basePeriodLabel}}</a> · <a href="diff.md">{{t.diff.markdownLink}}</a></p></nav>
{{/published}}
<h1>{{t.page.heading}} <span class="period">{{title}}</span></h1>
<p class="subtitle">{{subtitle}}</p>
</header>
<main>
{{#ratesOnly}}<p class="note">{{.}}</p>
{{/ratesOnly}}<section id="act-first">
<h2>{{t.diff.actFirst.title}}</h2>
<p class="note">{{t.diff.actFirst.note}}</p>
{{#hasPriorities}}<ol class="changes">
{{#priorities}}<li class="{{trend}}">{{text}}</li>
{{/priorities}}</ol>{{/hasPriorities}}
{{^hasPriorities}}<p>{{t.diff.actFirst.none}}</p>{{/hasPriorities}}
</section>
{{#hasRateSplits}}<section id="why">
<h2>{{t.diff.why.title}}</h2>
<p class="note">{{t.diff.why.note}}</p>
<ul>
{{#rateSplits}}<li>{{text}}</li>
{{/rateSplits}}</ul>
</section>
{{/hasRateSplits}}<section id="kpis">
<h2>{{t.kpis.title}}</h2>
<div class="table-scroll"><table>
<thead><tr><th>{{t.diff.kpi}}</th><th class="num">{{basePeriodLabel}}</th><th class="num">{{newPeriodLabel}}</th><th class="num">{{t.diff.change}}</th><th class="num">{{t.diff.relative}}</th><th>{{t.diff.noiseColumn}}</th></tr></thead>
<tbody>
{{#kpis}}<tr class="{{trend}}"><td>{{c0}}</td><td class="num">{{c1}}</td><td class="num">{{c2}}</td><td class="num">{{c3}}</td><td class="num">{{c4}}</td><td>{{c5}}</td></tr>
{{/kpis}}</tbody>
</table></div>
</section>
<section id="channels">
<h2>{{t.diff.channels.title}}</h2>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.channel}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.orders}}</th><th class="num">{{t.col.revenue}}</th><th class="num">{{t.col.conversion}}</th></tr></thead>
<tbody>
{{#channels}}<tr><td>{{c0}}</td><td class="num">{{c1}}</td><td class="num">{{c2}}</td><td class="num">{{c3}}</td><td class="num">{{c4}}</td></tr>
{{/channels}}</tbody>
</table></div>
<h3>{{t.diff.devices.title}}</h3>
<div class="table-scroll"><table>
<thead><tr><th>{{t.col.device}}</th><th class="num">{{t.col.visits}}</th><th class="num">{{t.col.orders}}</th><th class="num">{{t.col.revenue}}</th><th class="num">{{t.col.conversion}}</th></tr></thead>
<tbody>
{{#devices}}<tr><td>{{c0}}</td><td class="num">{{c1}}</td><td class="num">{{c2}}</td><td class="num">{{c3}}</td><td class="num">{{c4}}</td></tr>
{{/devices}}</tbody>
</table></div>
</section>
<section id="moved">
<h2>{{t.diff.moved.title}}</h2>
<p class="note">{{t.diff.moved.note}}</p>
{{#listings}}<h3>{{title}}</h3>
{{#hasItems}}<ul>
{{#items}}<li>{{.}}</li>
{{/items}}</ul>{{/hasItems}}{{^hasItems}}<p>{{t.diff.moved.none}}</p>{{/hasItems}}
{{/listings}}</section>
</main>
<footer>
<p>{{t.diff.footer}}</p>
</footer>
</body>
</html>

"""#
    /// `report-templates/report.css`
    static let css = #"""
/* Colours as variables, so that dark mode (prefers-color-scheme) switches the page and every
   chart at once. Text colours keep WCAG AA contrast (4.5:1) on --paper in both modes; colour is
   never the only carrier of meaning (▲ ▼ beside good and bad news, back links dashed, numbers
   printed in the heatmaps). */
:root {
  --ink: #1d2733; --muted: #56606c; --line: #d9dee4; --accent: #2f6fb0; --good: #1f7a4d; --bad: #b3261e;
  --bg: #f6f7f9; --paper: #fff; --column: #eef2f7; --node-fill: #2f6fb0; --node-line: #1f4d7a;
  --back: #b5650d; --back-ink: #8a4b06; --badge-bg: #fde7c8; --badge-ink: #7a4b00; --flag-bg: #fff6e5; --flag-line: #c77d1a;
  --h0: #f3f7fc; --h1: #e3edf8; --h2: #cfe0f3; --h3: #b8d1ec; --h4: #9fc0e4; --h5: #84aedb; --h6: #6a9bd1; --h7: #3c74b6; --h8: #2f66a8; --h9: #205da6;
  --h-low-ink: #1d2733; --h-high-ink: #fff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #e6e9ee; --muted: #a9b3bf; --line: #3a4452; --accent: #7cb1ea; --good: #62c99a; --bad: #f28b82;
    --bg: #12161b; --paper: #1b2129; --column: #222a34; --node-fill: #4f86c2; --node-line: #8fbbe8;
    --back: #e9a04e; --back-ink: #f0b46c; --badge-bg: #4a3613; --badge-ink: #ffd79a; --flag-bg: #2e2616; --flag-line: #e9a04e;
    --h0: #1d2733; --h1: #1f3247; --h2: #223d5b; --h3: #26486f; --h4: #2a5383; --h5: #2f5f97; --h6: #33609a; --h7: #5a8fd0; --h8: #6494d0; --h9: #7eaadd;
    --h-low-ink: #e6e9ee; --h-high-ink: #0d1116;
  }
}
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
.page-header { background: var(--paper); border-bottom: 1px solid var(--line); padding: 18px 32px 12px; }
.page-header h1 { margin: 0 0 4px; font-size: 24px; }
.period { color: var(--accent); }
.subtitle, .crumbs { margin: 0; color: var(--muted); }
.crumbs a { color: var(--accent); text-decoration: none; }
.badge { font-size: 12px; background: var(--badge-bg); color: var(--badge-ink); border-radius: 4px; padding: 1px 6px; vertical-align: middle; }
main { padding: 8px 32px 32px; max-width: 1360px; }
section { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 16px; margin: 18px 0; }
h2 { font-size: 18px; margin: 14px 0 6px; }
h3 { font-size: 15px; margin: 16px 0 4px; }
.note { color: var(--muted); margin: 0 0 8px; font-size: 13px; }
.changes { margin: 4px 0 8px; padding-left: 24px; }
.changes li.good::marker { color: var(--good); }
.changes li.bad::marker { color: var(--bad); }
.changes li.good { color: var(--good); }
.changes li.bad { color: var(--bad); }
.changes strong { color: var(--ink); }
tr.good td:first-child { color: var(--good); font-weight: 600; }
tr.bad td:first-child { color: var(--bad); font-weight: 600; }
tr.good td:first-child::before, .changes li.good::before { content: "▲ "; }
tr.bad td:first-child::before, .changes li.bad::before { content: "▼ "; }
.kpi-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(200px, 1fr)); gap: 10px; }
.kpi { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.kpi p { margin: 0; }
.kpi-label { color: var(--muted); font-size: 13px; }
.kpi-value { font-size: 24px; font-weight: 600; }
.kpi-change { font-size: 12px; }
.kpi-change.good { color: var(--good); }
.kpi-change.bad { color: var(--bad); }
.kpi-change .noise { color: var(--muted); }
.kpi-change.flat { color: var(--muted); }
.kpi-interval { font-size: 12px; color: var(--muted); }
.kpi-def { font-size: 11px; color: var(--muted); margin-top: 4px !important; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0 10px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 12px; word-break: break-all; }
figure.chart { margin: 6px 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
figure.wide svg { max-width: none; }
svg text { font-family: system-ui, sans-serif; font-size: 13px; fill: var(--ink); }
svg .label { font-weight: 600; }
svg .drop { fill: var(--bad); font-size: 12px; }
svg .value { fill: var(--muted); }
svg .bar { fill: var(--accent); }
svg .bar.step1 { fill-opacity: 0.85; } svg .bar.step2 { fill-opacity: 0.7; } svg .bar.step3 { fill: var(--good); }
svg .column { fill: var(--column); }
svg .phase { font-weight: 700; font-size: 14px; fill: var(--muted); }
svg .phase-share { font-size: 11px; fill: var(--muted); }
svg .link { fill: none; stroke: var(--accent); stroke-opacity: 0.35; }
svg .link.back { stroke: var(--back); stroke-opacity: 0.6; stroke-dasharray: 6 4; }
svg .link-label, svg .link-halo { font-size: 10.5px; fill: var(--ink); }
svg .link-halo { fill: none; stroke: var(--paper); stroke-width: 3.5px; stroke-linejoin: round; }
svg .link-label.back { fill: var(--back-ink); font-style: italic; }
svg .start-marker { fill: var(--good); }
svg .end-marker { fill: var(--bad); }
svg .node-bg { fill: var(--paper); }
svg .node-box { fill: var(--node-fill); stroke: var(--node-line); stroke-width: 1; }
svg .node-name { fill: var(--ink); font-weight: 600; font-size: 12px; }
svg .node-count { fill: var(--ink); font-size: 11px; }
p.flag { background: var(--flag-bg); border-left: 3px solid var(--flag-line); padding: 6px 10px; margin: 6px 0; font-size: 13px; }
dl.models { display: grid; grid-template-columns: 140px 1fr; gap: 2px 10px; font-size: 13px; }
dl.models dt { font-weight: 600; }
dl.models dd { margin: 0; color: var(--muted); }
table.samples td:last-child { max-width: 640px; }
footer { padding: 0 32px 24px; color: var(--muted); font-size: 12px; }

/* Trends in the KPI cards, and the cohort heatmap (ten shades of the accent colour). */
.spark-chart { margin: 4px 0 2px; }
.spark { fill: none; stroke: var(--accent, #2a6ebb); stroke-width: 1.5; }
.spark-dot { fill: var(--accent, #2a6ebb); }
.kpi-year { font-size: 12px; color: var(--muted); margin: 2px 0; }
.table-scroll { overflow-x: auto; }
table.cohorts td.heat { min-width: 38px; }
.heat.h0 { background: var(--h0); } .heat.h1 { background: var(--h1); } .heat.h2 { background: var(--h2); }
.heat.h3 { background: var(--h3); } .heat.h4 { background: var(--h4); } .heat.h5 { background: var(--h5); }
.heat.h6 { background: var(--h6); } .heat.h7 { background: var(--h7); } .heat.h8 { background: var(--h8); } .heat.h9 { background: var(--h9); }
.heat { color: var(--h-low-ink); }
.heat.h7, .heat.h8, .heat.h9 { color: var(--h-high-ink); }

/* The CX sections: a second line in a cell, a figure beside the value, two tables side by side
   (stacked on a phone), withheld-row notes, and the weekday x hour heatmap (the cohort shades). */
.sub { display: block; font-size: 11px; color: var(--muted); white-space: nowrap; }
.beside { font-size: 14px; font-weight: 400; color: var(--muted); }
h4 { font-size: 14px; margin: 14px 0 4px; }
h5 { font-size: 13px; margin: 10px 0 4px; }
.side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 0 20px; }
.side-by-side > div { min-width: 0; }
.note.withheld { font-style: italic; }
section a { color: var(--accent); }
table.scores .badge { font-size: 10px; padding: 0 4px; }
table.scores td { min-width: 110px; }
table.values code { word-break: normal; overflow-wrap: anywhere; }
table.grid th, table.grid td { padding: 3px 5px; }
details.numbers { margin: 4px 0 8px; font-size: 13px; }
details.numbers summary { cursor: pointer; color: var(--accent); }
svg .hm-hour { font-size: 11px; fill: var(--muted); }
svg .hm text { font-size: 11px; fill: var(--ink); }
svg .hm.h0 rect { fill: var(--h0); } svg .hm.h1 rect { fill: var(--h1); } svg .hm.h2 rect { fill: var(--h2); }
svg .hm.h3 rect { fill: var(--h3); } svg .hm.h4 rect { fill: var(--h4); } svg .hm.h5 rect { fill: var(--h5); }
svg .hm.h6 rect { fill: var(--h6); } svg .hm.h7 rect { fill: var(--h7); } svg .hm.h8 rect { fill: var(--h8); } svg .hm.h9 rect { fill: var(--h9); }
svg .hm text { fill: var(--h-low-ink); }
svg .hm.h7 text, svg .hm.h8 text, svg .hm.h9 text { fill: var(--h-high-ink); }

/* On a phone: tables scroll inside their own box (.table-scroll), a first column of names or
   paths keeps room to be read, and the page keeps its margins small. */
table.named td:first-child { min-width: 11em; }
.table-scroll th:first-child, .table-scroll td:first-child { position: sticky; left: 0; background: var(--paper); }
@media (max-width: 600px) {
  .page-header { padding: 14px 14px 10px; }
  main { padding: 4px 10px 20px; }
  section { padding: 4px 12px 12px; }
  /* Charts keep their size and scroll inside their frame, so that their text stays readable
     (at least 12 px) instead of shrinking with the screen. */
  figure.chart svg { max-width: none; }
  .kpi-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .kpi { overflow-wrap: anywhere; }
  .kpi .kpi-value { overflow-wrap: normal; }
  .kpi svg { max-width: 100%; height: auto; }
  .kpi-value { font-size: 18px; }
  dl.models { grid-template-columns: 1fr; }
  table.named td:first-child { min-width: 8em; }
  /* a table without a scroll box of its own scrolls as a block of its own */
  table { display: block; overflow-x: auto; max-width: 100%; }
}

/* Paper: every section on a page of its own, charts scaled to the page width (never cut), no
   scroll boxes, the links that matter written out, and the light colours whatever the screen. */
@media print {
  :root {
    --ink: #000; --muted: #444; --line: #bbb; --accent: #1d4f8a; --good: #1a6a42; --bad: #9c1f18; --bg: #fff; --paper: #fff;
    --column: #f1f4f8; --node-fill: #2f6fb0; --node-line: #1f4d7a; --back: #9a560b; --back-ink: #7a4306;
    --h0: #f3f7fc; --h1: #e3edf8; --h2: #cfe0f3; --h3: #b8d1ec; --h4: #9fc0e4; --h5: #84aedb; --h6: #6a9bd1; --h7: #3c74b6; --h8: #2f66a8; --h9: #205da6;
    --h-low-ink: #000; --h-high-ink: #fff;
  }
  body { background: #fff; font-size: 11pt; }
  main { padding: 0; max-width: none; }
  section { border: none; padding: 0; margin: 0 0 12pt; }
  section + section { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  tr, .kpi, figure { break-inside: avoid; }
  .table-scroll, figure.chart { overflow: visible; }
  figure.chart svg, figure.wide svg { max-width: 100%; height: auto; }
  table { font-size: 9pt; }
  .table-scroll th:first-child, .table-scroll td:first-child { position: static; }
  nav.toc, details.numbers summary { display: none; }
  .page-header { border: none; }
  details.numbers > * { display: block; }
  nav.page-links a::after { content: " (" attr(href) ")"; font-size: 9pt; color: var(--muted); }
}

"""#

    /// By template name, as `ReportTemplates.templateNames` names them.
    static let templates: [String: String] = ["report": report, "index": index, "diff": diff]
}

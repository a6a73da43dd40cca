//! The data panel below the map as markup: the layer's notes, the essay's figures beside the sources', the
//! sortable table with its CSV, and the layer across the years. The same writer draws the static page's panel
//! (its first view, with the places of the app's buttons) and the app's, which brings the page's nodes up to date
//! with it (`super::live`), so the app keeps them.

use crate::components::evidence::{badge_markup, note_for};
use crate::components::figure::{source_brief, source_markup, value_and_period_markup};
use crate::components::raw::Markup;
use crate::data::{lead_year, notes, unit_label, Comparison, Gap, Row, Slice};
use crate::model::study::{Evidence, Status};
use crate::model::{format_number, CountryId, Layer};
use crate::state::View;

/// Who reads the markup.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The app.
    App,
    /// The static page's panel for its own view: the app's markup with its buttons' places (`data-needs-js`:
    /// unseen while the app starts, gone without JavaScript) and what only a reader without JavaScript needs
    /// (`data-no-js`: every comparison, each source written out).
    First,
    /// The static page's tables of the other layers (no controls, sources in brief).
    Static,
}

/// The columns a reader can sort by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Republic,
    Value,
    Year,
    Confidence,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Republic,
        SortKey::Value,
        SortKey::Year,
        SortKey::Confidence,
    ];

    pub fn label(self) -> &'static str {
        match self {
            SortKey::Republic => "Republic",
            SortKey::Value => "Value",
            SortKey::Year => "Year",
            SortKey::Confidence => "Confidence",
        }
    }
}

/// What the reader changed in the panel besides the view: the table's order, the sources opened (by their
/// button's `data-src`), every comparison shown, the CSV shown to copy.
#[derive(Clone, PartialEq)]
pub struct Ui {
    pub sort: SortKey,
    pub ascending: bool,
    pub open: Vec<String>,
    pub all: bool,
    pub csv: bool,
}

impl Default for Ui {
    fn default() -> Self {
        Ui {
            sort: SortKey::Republic,
            ascending: true,
            open: Vec::new(),
            all: false,
            csv: false,
        }
    }
}

/// `order(rows, key, ascending)` sorts the table's rows (stable; rows without a value always last).
pub fn order(rows: &[Row], key: SortKey, ascending: bool) -> Vec<&Row> {
    let mut out: Vec<&Row> = rows.iter().collect();
    let rank = |r: &Row| -> (bool, f64) {
        let f = r.figure;
        let v = match key {
            SortKey::Republic => CountryId::ALL
                .iter()
                .position(|c| *c == r.country)
                .unwrap_or(0) as f64,
            SortKey::Value => r.value.unwrap_or(f64::NAN),
            SortKey::Year => f
                .and_then(|f| lead_year(f.year))
                .map_or(f64::NAN, f64::from),
            SortKey::Confidence => f.map_or(f64::NAN, |f| {
                crate::data::Reliability::of(f.confidence).rank() as f64
            }),
        };
        (v.is_nan(), v)
    };
    out.sort_by(|a, b| {
        let ((na, va), (nb, vb)) = (rank(a), rank(b));
        na.cmp(&nb).then_with(|| {
            let o = va.partial_cmp(&vb).unwrap_or(std::cmp::Ordering::Equal);
            if ascending || na {
                o
            } else {
                o.reverse()
            }
        })
    });
    out
}

/// ` data-needs-js=""` on the static page's first view (a button's place).
fn needs_js(m: &mut Markup, mode: Mode) {
    if mode == Mode::First {
        m.tag(r#" data-needs-js="""#);
    }
}

/// Ends a button's start tag; on the static page's first view marks it `data-app`: the page carries the app's button
/// from the first paint (hidden without JavaScript), which the app keeps as the same node (its `data-app` gone).
fn app_button(m: &mut Markup, mode: Mode) {
    m.tag(if mode == Mode::First {
        r#" data-app="">"#
    } else {
        ">"
    });
}

/// On the static page's first view, the words of the button before it for a reader without JavaScript (`data-no-js`:
/// the app removes them), in the button's box.
fn no_js_words(m: &mut Markup, mode: Mode, words: &str) {
    if mode == Mode::First {
        m.tag(r#"<span class="button-place" data-no-js="">"#)
            .text(words)
            .tag("</span>");
    }
}

/// A "source" button (`text`, read with " of `of`") keyed `key`, and the source open beneath it, or in brief
/// for print. `bracket`: the brief as "[Source: publisher, date]" (a figure's) instead of publisher, date, link
/// (a table cell's).
fn toggle(
    m: &mut Markup,
    f: &crate::model::Figure,
    (text, of): (&str, &str),
    key: &str,
    ui: &Ui,
    mode: Mode,
    bracket: bool,
) {
    let open = mode == Mode::App && ui.open.iter().any(|k| k == key);
    m.tag(r#"<button type="button" class="source-toggle""#)
        .attr("aria-expanded", Some(if open { "true" } else { "false" }))
        .attr("data-src", (!key.is_empty()).then_some(key));
    needs_js(m, mode);
    m.tag(">")
        .text(text)
        .tag(r#"<span class="visually-hidden"> of "#)
        .text(of)
        .tag("</span></button>");
    if open {
        source_markup(m, f);
    } else if bracket {
        m.tag(r#"<span class="print-only source-brief">"#)
            .text(&format!(" [{}]", source_brief(f).trim_start()))
            .tag("</span>");
    } else {
        m.tag(r#"<span class="source-brief print-only">"#);
        link_brief(m, f);
        m.tag("</span>");
    }
}

/// Publisher, date and link of a figure's source.
fn link_brief(m: &mut Markup, f: &crate::model::Figure) {
    m.text(if f.source_publisher.is_empty() {
        "the essay"
    } else {
        f.source_publisher.text()
    });
    if !f.source_date.is_empty() {
        m.text(", ").text(f.source_date);
    }
    if !f.source_url.is_empty() {
        m.tag(" <a")
            .attr("href", Some(f.source_url))
            .tag(r#" target="_blank">"#)
            .text(&crate::components::cite::link_label(f.source_url))
            .tag("</a>");
    }
}

/// A sourced figure as `crate::components::figure::FigureValue` draws it, for the static page (`Mode::First`: the
/// button's place; with `no_js`, the source written out for a reader without JavaScript): a republic's profile.
pub fn figure_markup(id: &str, no_js: bool) -> String {
    let mut m = Markup::default();
    let Some(f) = crate::content::content().figures.get(id) else {
        figure(&mut m, id, "", &Ui::default(), Mode::First, false);
        return m.0;
    };
    m.tag(r#"<span class="figure">"#);
    value_and_period_markup(&mut m, f);
    m.tag(r#"<button type="button" class="source-toggle" data-needs-js="">source</button>"#);
    if no_js {
        m.tag(r#"<span data-no-js="">"#);
        source_markup(&mut m, f);
        m.tag("</span>");
    }
    m.tag("</span>");
    m.0
}

/// A sourced figure (`crate::components::figure::FigureValue`'s markup): the value and a button that opens its
/// source, keyed `key`. `brief` (`Mode::Static`): its source in brief (the note in Reading the evidence shows it whole).
fn figure(m: &mut Markup, id: &str, key: &str, ui: &Ui, mode: Mode, brief: bool) {
    let Some(f) = crate::content::content().figures.get(id) else {
        m.tag(r#"<span class="figure missing">"#)
            .text(&format!("Figure “{id}” is missing from the data"))
            .tag("</span>");
        return;
    };
    // Its source in brief: publisher, date, link, confidence.
    let in_brief = |m: &mut Markup| {
        m.tag(r#"<span class="figure-brief"> · Source: "#);
        link_brief(m, f);
        m.text(&format!(" · Confidence: {}", f.confidence.label()));
        if let Some(p) = &f.paragraph {
            m.text(&format!(", essay paragraph {p}"));
        }
        m.tag("</span>");
    };
    if mode == Mode::Static && !brief {
        value_and_period_markup(m, f);
        source_markup(m, f);
        return;
    }
    m.tag(r#"<span class="figure">"#);
    value_and_period_markup(m, f);
    if mode == Mode::Static {
        in_brief(m);
        m.tag("</span>");
        return;
    }
    toggle(m, f, ("source", &f.display()), key, ui, mode, true);
    if mode == Mode::First {
        // Without JavaScript, its source in brief.
        m.tag(r#"<span data-no-js="">"#);
        in_brief(m);
        m.tag("</span>");
    }
    m.tag("</span>");
}

/// The layer's title, description, caveat, per-person basis, and why values are missing.
pub fn about(m: &mut Markup, s: &Slice, ui: &Ui, mode: Mode) {
    let n = notes();
    let note = n.layer(s.layer);
    let heading = match s.year {
        Some(y) => format!("{}, {y}", note.title),
        None => note.title.to_string(),
    };
    m.tag(r#"<div class="data-about"><h3>"#)
        .text(&heading)
        .tag("</h3><p")
        .prose(&note.about)
        .tag(r#"</p><p class="data-caveat""#)
        .prose(&note.caveat)
        .tag("</p>");
    let per_person = s.layer.has_per_person().then(|| {
        n.per_person(
            s.layer,
            crate::data::population_year(s.layer, s.year).is_some(),
        )
    });
    if let Some(text) =
        per_person.filter(|_| s.per_person || s.layer == Layer::Trade && s.year == Some("2013"))
    {
        m.tag(r#"<p class="data-per-person">"#)
            .text(text)
            .tag("</p>");
    }
    let mut gaps = s
        .rows
        .iter()
        .filter_map(|r| {
            let key = match r.gap? {
                Gap::NoData => format!(
                    "{}-{}-{}",
                    s.layer.key(),
                    s.year.unwrap_or_default(),
                    r.country.key()
                ),
                Gap::NoneFound => format!("{}-{}", s.layer.key(), r.country.key()),
            };
            let text = n.missing(&key).or_else(|| n.none_found(&key))?;
            Some((r.country, text, n.context(&key)))
        })
        .peekable();
    if gaps.peek().is_some() {
        m.tag(r#"<ul class="data-gaps">"#);
        for (c, text, context) in gaps {
            m.tag("<li><strong>")
                .text(&format!("{}: ", c.label()))
                .tag("</strong>")
                .text(text);
            if let Some(id) = context {
                m.text(" ");
                figure(m, id, &format!("g:{id}"), ui, mode, false);
            }
            m.tag("</li>");
        }
        m.tag("</ul>");
    }
    m.tag("</div>");
}

/// The comparisons that belong to the view's layer and period (all of them with `ui.all`; without JavaScript,
/// all), each with its figures and its note in Reading the evidence; and the button that shows them all.
pub fn comparisons(m: &mut Markup, view: &View, ui: &Ui, mode: Mode, evidence: &str) {
    let list = &notes().comparisons;
    let every = mode == Mode::Static || ui.all && mode == Mode::App;
    let shows = |c: &Comparison| every || c.fits(view.layer, view.period());
    m.tag(r#"<section class="data-compare" aria-labelledby="compare-heading"><h3 id="compare-heading">The essay's figures and the sources</h3><p class="compare-none""#);
    if list.iter().any(shows) {
        m.tag(" hidden");
    }
    m.tag(">No comparison belongs to this layer and period.</p>");
    // The static page's first view carries only the view's own (without JavaScript the others are in the fold at the
    // panel's end: `other_comparisons`); the app keeps them and adds the others, hidden.
    for c in list.iter().filter(|c| mode != Mode::First || shows(c)) {
        article(m, c, shows(c), ui, mode, evidence);
    }
    if mode != Mode::Static {
        m.tag(r#"<button type="button" class="secondary compare-all""#)
            .attr("aria-expanded", Some(if every { "true" } else { "false" }));
        needs_js(m, mode);
        m.tag(">").text(&if every {
            "Show only this layer's comparisons".to_string()
        } else {
            format!("Show all {} comparisons", list.len())
        });
        m.tag("</button>");
    }
    m.tag("</section>");
}

/// One comparison.
fn article(m: &mut Markup, c: &Comparison, shown: bool, ui: &Ui, mode: Mode, evidence: &str) {
    let (left, right) = match (c.kind, c.essay) {
        ("national", Some(_)) => (
            "China's customs (on the map)",
            "The republic's own statistics",
        ),
        ("national", None) => ("", "Figures that exist, kept off the map"),
        _ => ("The essay", "The sources"),
    };
    let agreement = agreement(c);
    let note = agreement.and_then(|(_, _, note)| note);
    m.tag(r#"<article class="compare""#)
        .attr("data-compare", Some(c.id));
    if !shown {
        m.tag(if mode == Mode::First {
            r#" data-no-js="""#
        } else {
            " hidden"
        });
    }
    m.tag("><h4>").text(c.title).tag("</h4>");
    match agreement {
        Some((status, detail, _)) => badge_markup(m, status, detail),
        None => {
            m.tag(r#"<p class="compare-kind">"#)
                .text(c.status)
                .tag("</p>");
        }
    }
    m.tag(r#"<dl class="compare-pair">"#);
    let brief = note.is_some();
    if let Some(id) = c.essay {
        m.tag("<div><dt>").text(left).tag("</dt><dd>");
        figure(m, id, &format!("c:{}:{id}", c.id), ui, mode, brief);
        m.tag("</dd></div>");
    }
    m.tag("<div><dt>").text(right).tag("</dt>");
    for id in c.sources.iter() {
        m.tag("<dd>");
        figure(m, id, &format!("c:{}:{id}", c.id), ui, mode, brief);
        m.tag("</dd>");
    }
    m.tag(r#"</div></dl><p class="compare-why""#)
        .prose(&c.explanation)
        .tag("</p>");
    if let Some(note) = note {
        m.tag(r#"<p class="to-note"><a"#)
            .attr("href", Some(&format!("{evidence}#{}", note.id)));
        if mode == Mode::App {
            m.attr("data-note", Some(note.id));
        }
        m.tag(">")
            .text(&format!("Read the note: {}", note.title))
            .tag("</a></p>");
    }
    m.tag("</article>");
}

/// The comparisons of the other layers and periods, for a reader without JavaScript (in the static page's fold).
pub fn other_comparisons(m: &mut Markup, view: &View, evidence: &str) {
    m.tag(r#"<section class="data-compare"><h3>The essay's figures and the sources, other layers and periods</h3>"#);
    for c in notes()
        .comparisons
        .iter()
        .filter(|c| !c.fits(view.layer, view.period()))
    {
        article(m, c, true, &Ui::default(), Mode::Static, evidence);
    }
    m.tag("</section>");
}

/// The table of a view's data, sorted as the reader chose, the selected republic marked.
pub fn table(m: &mut Markup, s: &Slice, selected: Option<CountryId>, ui: &Ui, mode: Mode) {
    let energy = s.rows.iter().any(|r| r.energy.is_some());
    let columns = 5 + energy as usize;
    let unit = unit_label(s.layer, s.per_person);
    let caption = match s.year {
        Some(y) => format!("{}, {y}", notes().layer(s.layer).title),
        None => notes().layer(s.layer).title.to_string(),
    };
    let app = mode == Mode::App;
    m.tag(r#"<div class="table-scroll" tabindex="0" role="region""#)
        .attr("aria-label", Some(&format!("Table: {caption}")))
        .tag(r#"><table class="data-table"><caption>"#)
        .text(&caption)
        .tag(r#"<span class="caption-unit">"#)
        .text(&format!(" · values in {unit}"))
        .tag("</span>");
    if s.layer == Layer::Students {
        m.tag(r#"<span class="caption-warn"> · each value is from its own year and source: not comparable, so not sortable by value</span>"#);
    }
    m.tag("</caption><thead><tr>");
    for k in SortKey::ALL {
        let text = match k {
            SortKey::Value => format!("Value ({unit})"),
            _ => k.label().to_string(),
        };
        let sortable = mode != Mode::Static && !(k == SortKey::Value && s.layer == Layer::Students);
        let sort = (sortable && k == ui.sort).then_some(if ui.ascending {
            "ascending"
        } else {
            "descending"
        });
        m.tag(r#"<th scope="col""#).attr("aria-sort", sort).tag(">");
        if sortable {
            m.tag(r#"<button type="button" class="sort""#)
                .attr("data-sort", Some(k.label()));
            app_button(m, mode);
            m.text(&text)
                .tag(r#"<span class="sort-mark" aria-hidden="true">"#)
                .tag(match sort {
                    Some("ascending") => " ▲",
                    Some(_) => " ▼",
                    None => " ↕",
                })
                .tag("</span></button>");
            no_js_words(m, mode, &text);
        } else {
            m.text(&text);
        }
        m.tag("</th>");
        if k == SortKey::Value && energy {
            m.tag(r#"<th scope="col">of which energy (US$ billion)</th>"#);
        }
    }
    m.tag(r#"<th scope="col">Source</th></tr></thead><tbody>"#);
    let rows = if app {
        order(s.rows, ui.sort, ui.ascending)
    } else {
        s.rows.iter().collect()
    };
    for r in rows {
        row(m, r, s, selected, ui, mode, columns);
    }
    m.tag("</tbody></table></div>");
}

fn row(
    m: &mut Markup,
    r: &Row,
    s: &Slice,
    selected: Option<CountryId>,
    ui: &Ui,
    mode: Mode,
    columns: usize,
) {
    let chosen = selected == Some(r.country);
    let country = r.country;
    let class = [
        chosen.then_some("selected"),
        (!r.on_map).then_some("off-map"),
        r.gap.map(|_| "gap"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let marks = mode != Mode::Static;
    m.tag("<tr")
        .attr("class", (!class.is_empty()).then_some(class.as_str()))
        .attr("data-country", marks.then_some(country.key()))
        .attr("data-figure", r.figure.filter(|_| marks).map(|f| f.id))
        .tag(r#"><th scope="row">"#);
    if mode != Mode::Static {
        m.tag(r#"<button type="button" class="select-country""#)
            .attr("aria-pressed", Some(if chosen { "true" } else { "false" }));
        app_button(m, mode);
        m.text(country.label()).tag("</button>");
        no_js_words(m, mode, country.label());
    } else {
        m.text(country.label());
    }
    m.tag("</th>");
    let Some(f) = r.figure else {
        m.tag(r#"<td class="value gap-cell""#)
            .attr("colspan", Some(&(columns - 1).to_string()))
            .tag("><strong>")
            .text(r.label)
            .tag("</strong></td></tr>");
        return;
    };
    m.tag(r#"<td class="value">"#);
    if mode == Mode::Static {
        m.text(r.label);
    } else {
        m.tag(r#"<span class="value-text">"#)
            .text(r.label)
            .tag("</span>");
    }
    if r.population.is_some() {
        m.tag(r#"<span class="tag derived">derived</span>"#);
    }
    if !r.on_map {
        m.tag(r#"<span class="tag">not on the map</span>"#);
    }
    if let Some(p) = r.population {
        m.tag(r#"<span class="value-from">"#)
            .text(&format!(
                "{} ÷ population {} ({})",
                f.display(),
                p.year,
                format_number(p.value, 0)
            ))
            .tag("</span>");
    }
    m.tag("</td>");
    let source = |m: &mut Markup, f: &crate::model::Figure, of: &str, text: &str, key: String| {
        if mode == Mode::Static {
            m.tag(r#"<span class="source-brief">"#);
            link_brief(m, f);
            m.tag("</span>");
        } else {
            toggle(m, f, (text, of), &key, ui, mode, false);
        }
    };
    if s.rows.iter().any(|r| r.energy.is_some()) {
        m.tag(r#"<td class="value">"#);
        match r.energy {
            Some(e) => {
                m.text(&e.display());
                source(
                    m,
                    e,
                    &format!("energy part, {}", country.label()),
                    "Source",
                    format!("e:{}", e.id),
                );
            }
            None => {
                m.text("no data");
            }
        }
        m.tag("</td>");
    }
    m.tag("<td>")
        .text(f.year)
        .tag(r#"</td><td class="confidence "#)
        .text(&f.confidence.key().replace(' ', "-"))
        .tag(r#"">"#)
        .text(f.confidence.label())
        .tag(r#"</td><td class="source">"#);
    let of = format!("{}, {}: {}", country.label(), f.year, f.display());
    source(m, f, &of, "Source", format!("t:{}", f.id));
    if let Some(p) = r.population {
        source(
            m,
            p,
            &format!("population of {}", country.label()),
            "Population source",
            format!("p:{}:{}", f.id, p.id),
        );
    }
    m.tag("</td></tr>");
}

/// "Download CSV" (the visible layer), and the CSV to copy where the download may have been blocked.
pub fn download(m: &mut Markup, s: &Slice, ui: &Ui, mode: Mode) {
    m.tag(r#"<div class="data-download""#);
    needs_js(m, mode);
    m.tag(r#"><button type="button" class="button" data-csv="">Download CSV<span class="visually-hidden">: "#)
        .text(&crate::data::file_name(s))
        .tag(r#"</span></button><span class="download-note">The visible layer, with source, date, confidence and notes for each value.</span>"#);
    if ui.csv && mode == Mode::App {
        m.tag(r#"<label class="csv-copy" for="data-csv">The CSV, to copy (downloads may be blocked in an embedded page):</label><textarea id="data-csv" class="csv-text" readonly="" rows="8">"#)
            .text(&crate::data::csv(s))
            .tag("</textarea>");
    }
    m.tag("</div>");
}

/// The panel's blocks for `view`: the notes, the comparisons, the table with its CSV, the layer across the years.
pub fn blocks(view: &View, ui: &Ui, mode: Mode, evidence: &str) -> [String; 4] {
    let s = crate::data::slice(view);
    let mut side = Markup::default();
    side.tag(r#"<div class="data-side">"#);
    about(&mut side, s, ui, mode);
    side.tag("</div>");
    let mut compare = Markup::default();
    comparisons(&mut compare, view, ui, mode, evidence);
    let mut table_block = Markup::default();
    table_block.tag(r#"<div class="data-table-block">"#);
    table(&mut table_block, s, view.country, ui, mode);
    download(&mut table_block, s, ui, mode);
    table_block.tag("</div>");
    let across = super::years::across_years(s.layer, s.per_person, mode);
    [side.0, compare.0, table_block.0, across]
}

/// How an essay comparison agrees with the sources, in Reading the evidence's words: the status of the note
/// that discusses its essay figure (else the comparison's own word), a qualifier kept where it fits
/// ("differs (slightly)" -> Differs, "slightly"), and that note. `None` for contrasts of two series.
pub fn agreement(
    c: &Comparison,
) -> Option<(Status, Option<&'static str>, Option<&'static Evidence>)> {
    if c.kind != "essay" {
        return None;
    }
    let (word, rest) = c.status.split_once(' ').unwrap_or((c.status, ""));
    let own = match word {
        "confirmed" => Status::Confirmed,
        "differs" => Status::Differs,
        _ => Status::NotFound,
    };
    let note = c.essay.and_then(note_for);
    let status = note.map_or(own, |n| n.status);
    let detail = rest.trim_matches(|ch| ch == '(' || ch == ')' || ch == ' ');
    let detail = (status == own && !detail.is_empty()).then_some(detail);
    Some((status, detail, note))
}

//! Build-time pre-rendering: renders the whole explainer as static HTML (Yew server-side rendering) so
//! the text, the data table and the bibliography are readable before the WebAssembly starts and with
//! JavaScript off. Usage: `prerender <index.html template> <output> [<prose list>]`; fills the PRERENDER and
//! NOSCRIPT slots, and writes to `<prose list>` the numbers of the display-only texts the page gives back
//! exactly (read as the browser build reads them), one a line: build.rs leaves those out of the wasm. With a
//! fourth argument, `<needs list>`, it also writes the texts the served site's first views read (the app rendered
//! for `/` and for each map view a link can open): `overview N N ...` and `map N N ...`, one view a line.
//! tools/build/assemble.py puts their markup where those views find them, so that they start without the other
//! parts' text (src/prose.rs).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (template, output, prose_list, needs_list) = match args.as_slice() {
        [_, template, output] => (template, output, None, None),
        [_, template, output, list] => (template, output, Some(list), None),
        [_, template, output, list, needs] => (template, output, Some(list), Some(needs)),
        _ => {
            eprintln!(
                "usage: prerender <index.html template> <output> [<prose list> [<needs list>]]"
            );
            std::process::exit(2);
        }
    };
    let template = std::fs::read_to_string(template).expect("read the index.html template");
    let body = render("", true);
    let note = &charm_offensive::content::content().site.noscript;
    let noscript = format!(
        "<noscript><p class=\"noscript-note\">{}</p></noscript>",
        escape(note)
    );
    let page =
        template
            .replacen("<!--PRERENDER-->", &body, 1)
            .replacen("<!--NOSCRIPT-->", &noscript, 1);
    std::fs::write(output, page).expect("write the pre-rendered page");
    eprintln!("prerender: {} bytes of static HTML", body.len());
    if let Some(list) = prose_list {
        let on_page = prose_on_page(&body);
        let texts = (0..charm_offensive::prose::COUNT)
            .map(|at| charm_offensive::prose::Prose(at as u16).text());
        let mut lines = format!(
            "# prose {} {:016x}\n",
            charm_offensive::prose::COUNT,
            charm_offensive::prose::checksum(texts)
        );
        lines.extend(on_page.iter().map(|at| format!("{at}\n")));
        std::fs::write(list, lines).expect("write the list of texts on the page");
        eprintln!(
            "prerender: {} of {} display-only texts are read from the page",
            on_page.len(),
            charm_offensive::prose::COUNT
        );
    }
    if let Some(needs) = needs_list {
        std::fs::write(needs, first_view_needs()).expect("write the texts the first views read");
        let panels = std::path::Path::new(needs).with_file_name("panels.txt");
        std::fs::write(panels, view_panels()).expect("write the map views' data panels");
    }
}

/// The data panel of every map view a link can open but the page's own (a layer, a period, per person), as the static
/// page draws its own (`Mode::First`): `LAYER/YEAR/PP<tab>MARKUP`, one a line. tools/build/assemble.py serves each in a
/// file of its own, which the served site's static/early-map.js puts in place for a deep link's view before the app
/// starts.
#[cfg(not(target_arch = "wasm32"))]
fn view_panels() -> String {
    use charm_offensive::components::data::panel::{blocks, Mode, Ui};
    use charm_offensive::model::{Part, Period};
    use charm_offensive::state::View;
    let page = View::default();
    let evidence = charm_offensive::deep_link::Within::default().part(Part::Evidence);
    let mut out = String::new();
    for s in charm_offensive::data::all_slices() {
        let year = s.year.and_then(Period::from_key);
        if s.layer == page.layer && year == s.layer.default_year() && !s.per_person {
            continue;
        }
        let view = View {
            part: Part::Map,
            layer: s.layer,
            year,
            per_person: s.per_person,
            ..page
        };
        let markup = blocks(&view, &Ui::default(), Mode::First, &evidence).concat();
        assert!(
            !markup.contains(['\t', '\n']),
            "a panel early-map.js cannot read"
        );
        let pp = if s.per_person { "1" } else { "" };
        out.push_str(&format!(
            "{}/{}/{pp}\t{markup}\n",
            s.layer.key(),
            s.year.unwrap_or_default()
        ));
    }
    out
}

/// The app rendered natively for `query`: the static page, or the view the browser build draws first.
#[cfg(not(target_arch = "wasm32"))]
fn render(query: &str, static_page: bool) -> String {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(async {
            yew::LocalServerRenderer::<charm_offensive::App>::with_props(
                charm_offensive::AppProps {
                    query: query.to_string().into(),
                    static_page,
                },
            )
            .hydratable(false)
            .render()
            .await
        })
}

/// The display-only texts the app reads when it draws the served site's first views: `/`, and every map view a
/// link can open (each layer and period, per person, each republic).
#[cfg(not(target_arch = "wasm32"))]
fn first_view_needs() -> String {
    use charm_offensive::model::{CountryId, Layer};
    use charm_offensive::prose::needs;
    let mut map_views = vec!["part=map".to_string()];
    for layer in Layer::ALL {
        let l = layer.key();
        map_views.push(format!("part=map&layer={l}&pp=1"));
        map_views.extend(
            layer
                .years()
                .iter()
                .map(|y| format!("part=map&layer={l}&year={}", y.key())),
        );
    }
    map_views.extend(
        CountryId::ALL
            .iter()
            .map(|c| format!("part=map&country={}", c.key())),
    );
    let mut out = String::new();
    for (view, queries) in [("overview", vec![String::new()]), ("map", map_views)] {
        needs::start();
        let mut read = std::collections::BTreeSet::new();
        for query in &queries {
            render(query, false);
            read.extend(needs::take());
            needs::start();
        }
        needs::take();
        out.push_str(view);
        read.iter().for_each(|at| out.push_str(&format!(" {at}")));
        out.push('\n');
    }
    out
}

/// The numbers of the display-only texts that `html` gives back exactly, in order.
#[cfg(not(target_arch = "wasm32"))]
fn prose_on_page(html: &str) -> Vec<usize> {
    use charm_offensive::prose::{read_html, Prose};
    let mut on_page = std::collections::BTreeSet::new();
    read_html(html, |at, text| {
        if u16::try_from(at).is_ok_and(|n| Prose(n).text() == text) {
            on_page.insert(at);
        }
    });
    on_page.into_iter().collect()
}

#[cfg(not(target_arch = "wasm32"))]
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(target_arch = "wasm32")]
fn main() {}

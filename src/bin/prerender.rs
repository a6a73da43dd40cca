//! Build-time pre-rendering: renders the whole explainer as static HTML (Yew server-side rendering) so
//! the text, the data table and the bibliography are readable before the WebAssembly starts and with
//! JavaScript off. Usage: `prerender <index.html template> <output>`; fills the PRERENDER and NOSCRIPT slots.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, template, output] = args.as_slice() else {
        eprintln!("usage: prerender <index.html template> <output>");
        std::process::exit(2);
    };
    let template = std::fs::read_to_string(template).expect("read the index.html template");
    let body = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(async {
            yew::LocalServerRenderer::<charm_offensive::App>::with_props(
                charm_offensive::AppProps {
                    query: "".into(),
                    static_page: true,
                },
            )
            .hydratable(false)
            .render()
            .await
        });
    let body = defer_rest(&body);
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
}

/// Wraps every part after the overview in `<noscript>`: readers without JavaScript get the whole static
/// page, while browsers that will start the app only parse it as text (fast first paint). If the app
/// fails to start, static/boot.js unwraps it so that everything stays readable.
#[cfg(not(target_arch = "wasm32"))]
fn defer_rest(body: &str) -> String {
    let start = body.find("<section aria-labelledby=\"part-cards\"");
    let end = body.rfind("</main>");
    match (start, end) {
        (Some(start), Some(end)) if start < end => format!(
            "{}<noscript class=\"static-rest\">{}</noscript>{}",
            &body[..start],
            &body[start..end],
            &body[end..]
        ),
        _ => panic!("prerender: could not find the parts after the overview in the static page"),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(target_arch = "wasm32")]
fn main() {}

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

#[cfg(not(target_arch = "wasm32"))]
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(target_arch = "wasm32")]
fn main() {}

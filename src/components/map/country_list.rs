//! The five republics as a plain list of toggle buttons: the same selection as the map, for screen
//! readers and small screens, each with the active layer's value in words.

use crate::components::raw::Markup;
use crate::data::slice;
use crate::model::CountryId;
use crate::state::View;

/// "Choose a republic": five toggle buttons with `aria-pressed` for the view's selection and layer (`data-country`
/// tells the list's listeners which: pressing the selected one clears it, Enter and Space press, `super::sync`),
/// as markup; the static page has links to the profiles there, which the app keeps and makes its buttons.
pub fn list_markup(view: &View, static_page: bool) -> String {
    let shades = &slice(view).shades;
    let mut m = Markup::default();
    m.tag(r#"<div class="country-list" role="group" aria-labelledby="country-list-title"><h3 id="country-list-title">The five republics</h3><ul>"#);
    for &c in CountryId::ALL {
        let value = shades
            .iter()
            .find(|s| s.country == c)
            .map_or("", |s| s.value_label);
        m.tag("<li>");
        if static_page {
            m.tag(r##"<a class="country-button" href="#profile-"##)
                .tag(c.key())
                .tag(r#"">"#);
        } else {
            // The page's link made a toggle button (the same node on start: `super::sync`).
            m.tag(r#"<a class="country-button" role="button" tabindex="0" aria-pressed=""#)
                .tag(if view.country == Some(c) {
                    "true"
                } else {
                    "false"
                })
                .tag(r#"" data-country=""#)
                .tag(c.key())
                .tag(r#"">"#);
        }
        m.tag(r#"<span class="name">"#)
            .text(c.label())
            .tag(r#"</span> <span class="value">"#)
            .text(value)
            .tag("</span></a></li>");
    }
    m.tag("</ul></div>");
    m.0
}

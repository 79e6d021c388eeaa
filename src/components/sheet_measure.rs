//! The result sheet drawn in one column, measured in the page, then cut into A4 pages by
//! `sheet_pages` (which is pure, and tested natively).

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

use super::sheet_pages::{paginate, Heights, Piece};

/// A printed page's height and what its head and foot take, in millimetres (`styles/results.css`
/// gives `.sheet-page` the same); a little is kept free against rounding.
const PAGE_MM: f64 = 266.0;
const HEAD_AND_FOOT_MM: f64 = 16.0;
const SPARE_MM: f64 = 6.0;
/// CSS pixels per millimetre: a CSS inch is 96 px in every engine, at any zoom.
const PX_PER_MM: f64 = 96.0 / 25.4;

/// The sheet drawn in one column, measured: each piece's height (to the next one's top), each
/// table's head, then cut into pages. None if it is not drawn.
pub(super) fn measure(
    column: &NodeRef,
    all: &[Piece],
    n_contests: usize,
) -> Option<Vec<std::ops::Range<usize>>> {
    // Through `Reflect`, as `services::save` reaches the file API: the page's glue already has
    // it, where each `web-sys` method adds its own.
    let column: JsValue = column.get()?.into();
    let tops: Vec<f64> = elements(&column, "[data-piece]")?
        .iter()
        .map(|e| rect(e, "top"))
        .collect();
    if tops.len() != all.len() {
        return None;
    }
    let bottom = rect(&column, "bottom");
    let heights: Vec<f64> = (0..tops.len())
        .map(|i| tops.get(i + 1).copied().unwrap_or(bottom) - tops[i])
        .collect();
    // Each table's head, and the table's margin above it, as a page continuing it repeats them.
    let mut table_heads = vec![0.0; n_contests];
    for head in elements(&column, "thead[data-contest]")? {
        let contest = Reflect::get(&head, &"dataset".into())
            .and_then(|data| Reflect::get(&data, &"contest".into()))
            .ok()
            .and_then(|c| c.as_string()?.parse::<usize>().ok());
        if let Some(slot) = contest.and_then(|c| table_heads.get_mut(c)) {
            *slot = rect(&head, "height") + 3.0 * PX_PER_MM;
        }
    }
    let page = (PAGE_MM - HEAD_AND_FOOT_MM - SPARE_MM) * PX_PER_MM;
    let heights = Heights {
        pieces: &heights,
        table_heads: &table_heads,
    };
    Some(paginate(all, &heights, page))
}

/// `target.method(arg)`.
fn call(target: &JsValue, method: &str, arg: &JsValue) -> Option<JsValue> {
    let function: Function = Reflect::get(target, &method.into()).ok()?.dyn_into().ok()?;
    function.call1(target, arg).ok()
}

/// The elements under `root` that match `selector`, in document order.
fn elements(root: &JsValue, selector: &str) -> Option<Vec<JsValue>> {
    let list = call(root, "querySelectorAll", &selector.into())?;
    let length = Reflect::get(&list, &"length".into()).ok()?.as_f64()? as u32;
    (0..length)
        .map(|i| Reflect::get_u32(&list, i).ok())
        .collect()
}

/// One side or size of `element`'s box on the screen, in CSS pixels (0 if unknown).
fn rect(element: &JsValue, side: &str) -> f64 {
    call(element, "getBoundingClientRect", &JsValue::UNDEFINED)
        .and_then(|rect| Reflect::get(&rect, &side.into()).ok())
        .and_then(|value| value.as_f64())
        .unwrap_or(0.0)
}

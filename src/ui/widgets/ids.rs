//! Element ids for reusable components: each instance gets its own, so two on one page never
//! clash (`aria-labelledby`, `for`).

use std::cell::Cell;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// `prefix-N`, a different N for every call in the page's life.
pub fn unique(prefix: &str) -> String {
    let n = NEXT.with(|c| {
        let n = c.get().wrapping_add(1);
        c.set(n);
        n
    });
    format!("{prefix}-{n}")
}

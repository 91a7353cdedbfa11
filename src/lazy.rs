//! Code splitting: parts of the page whose code lives in a separate wasm chunk, fetched the first
//! time they are needed (or earlier, with [`prefetch_at_idle`]), so the first screen does not wait
//! for them. Two kinds of split point: `split_view!` for a section (rendered through
//! [`LazySection`]) and `split_call!` for a flow that runs after a click (the requests and what
//! follows them), which main calls and the chunk carries out.
//!
//! A view split point:
//!
//! ```ignore
//! use crate::lazy::split_view;
//! use crate::ui::widgets::LazySection;
//!
//! split_view! {
//!     chunk = setup_script, prefetch = prefetch_setup_script;
//!     /// The setup script, from its own chunk.
//!     pub fn setup_script_view(setup: SetupForm, revealed: Signal<bool>) {
//!         view! { <SetupScript setup=setup revealed=revealed /> }
//!     }
//! }
//!
//! // where the section is shown (arguments are cloned for each attempt: Try again calls it again):
//! view! { <LazySection what="the setup script" load=move || setup_script_view(setup, revealed) /> }
//! ```
//!
//! Why not Leptos' `#[lazy]`: it expands to `.expect("load callback should succeed")`, and with
//! `panic = "abort"` a chunk that fails to load (offline, blocked, a deploy that replaced it)
//! kills the whole page. `split_view!` uses the same `#[wasm_split]` underneath with its
//! `fallible` option, which returns the failure instead: [`LazySection`] then says so in the
//! section's place, with Try again, and the rest of the page keeps working.
//!
//! [`LazySection`]: crate::ui::widgets::LazySection
//!
//! Where to draw chunks: every lazy part of the page today names one chunk, `sections` (the
//! Register tab's result panels and flows, the just-in-time options, and the Runners,
//! Troubleshoot and Runner groups tabs), which
//! the page prefetches when idle after the first paint. Each boundary between wasm modules costs
//! bytes: wasm-opt cannot inline or merge across it, and a call across it goes through the
//! function table. Measured on this page (gzip, all files, against the same source unsplit):
//! main + one chunk +8.0%; main + a `register` and a `runners` chunk (plus the chunk the
//! splitter makes for what both share) +11.0%, over `scripts/check-size`'s +10% budget. Since
//! both were prefetched together anyway, splitting them bought nothing a user would notice. A
//! new section gets its own chunk only if `scripts/check-size` stays within both budgets.
//!
//! Building with `--cfg runner_token_unsplit` turns every split point into a plain async call
//! (no chunk): `scripts/check-size` builds that way to compare the split page with the unsplit one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::cell::Cell;
use std::future::Future;
use std::time::Duration;

/// A chunk could not be loaded: offline, blocked, refused by its integrity hash, or gone. The
/// browser console has the details (the loader logs them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChunkFailed;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkFailed
    }
}

/// A section's view, built where it is placed. A split function hands back this builder rather
/// than the view: the view's signals and effects must belong to the place that shows it (and go
/// with it), not to the async step that loaded the chunk.
pub struct ViewFn(Box<dyn FnOnce() -> AnyView + Send>);

impl ViewFn {
    pub fn new(build: impl FnOnce() -> AnyView + Send + 'static) -> Self {
        Self(Box::new(build))
    }

    /// Builds the view, under the current reactive owner.
    pub fn build(self) -> AnyView {
        (self.0)()
    }
}

/// What a split function gives: its view's builder, once its chunk is in.
pub type Chunked = Result<ViewFn, ChunkFailed>;

/// What a generated prefetch function gives.
pub type Prefetched = Result<(), leptos::wasm_split::SplitLoaderError>;

/// Declares a split point: a function whose body (and everything only it uses) goes into the
/// wasm chunk `chunk`, loaded the first time the function is called.
///
/// ```ignore
/// split_view! {
///     chunk = CHUNK, prefetch = PREFETCH_FN;
///     /// docs
///     pub fn NAME(ARG: TYPE, ...) { BODY }
/// }
/// ```
///
/// - `NAME(args).await` is a [`Chunked`]: `Ok(view)` once the chunk is in, `Err(ChunkFailed)`
///   when it could not be loaded (never a panic). A later call tries the load again. Render it
///   with [`LazySection`](crate::ui::widgets::LazySection).
/// - `BODY` is a block giving anything `IntoView` (typically `view! { <Component .../> }`).
/// - Arguments must be `Send` (Leptos' `Suspend` holds them): signals, memos, `Signal`,
///   `StoredValue`, `Callback` and plain data are; wrap anything else (a `web_sys` value, an `Rc`)
///   in `StoredValue::new_local(..)`, whose handle is `Send`. No references, generics or
///   `impl Trait` arguments (the function crosses a wasm import).
/// - `PREFETCH_FN().await` loads the chunk without calling anything (see [`prefetch_at_idle`]).
///   Every function of a chunk gets its own; any of them loads the same chunk.
/// - Functions naming the same `CHUNK` share one chunk; code two chunks share goes into a
///   shared chunk that both load.
macro_rules! split_view {
    (
        chunk = $chunk:ident, prefetch = $prefetch:ident;
        $(#[$attr:meta])*
        $vis:vis fn $name:ident ( $( $arg:ident : $ty:ty ),* $(,)? ) $body:block
    ) => {
        #[cfg(not(runner_token_unsplit))]
        $(#[$attr])*
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $prefetch)
        )]
        $vis fn $name( $( $arg : $ty ),* ) -> $crate::lazy::Chunked {
            ::core::result::Result::Ok($crate::lazy::ViewFn::new(move || ::leptos::prelude::IntoAny::into_any($body)))
        }

        #[cfg(runner_token_unsplit)]
        $(#[$attr])*
        $vis async fn $name( $( $arg : $ty ),* ) -> $crate::lazy::Chunked {
            ::core::result::Result::Ok($crate::lazy::ViewFn::new(move || ::leptos::prelude::IntoAny::into_any($body)))
        }

        #[cfg(runner_token_unsplit)]
        #[allow(dead_code)]
        $vis async fn $prefetch() -> $crate::lazy::Prefetched {
            ::core::result::Result::Ok(())
        }
    };
}
pub(crate) use split_view;

/// Declares a flow split point: a function with a synchronous body (which may spawn async work)
/// whose code, and everything only it reaches, goes into the chunk `chunk`. Main calls
/// `NAME(args).await`: `Ok(())` once the chunk is in and the body ran, `Err(ChunkFailed)` when the
/// chunk could not be loaded. Arguments as for [`split_view!`].
macro_rules! split_call {
    (
        chunk = $chunk:ident, prefetch = $prefetch:ident;
        $(#[$attr:meta])*
        $vis:vis fn $name:ident ( $( $arg:ident : $ty:ty ),* $(,)? ) $body:block
    ) => {
        #[cfg(not(runner_token_unsplit))]
        $(#[$attr])*
        #[::leptos::wasm_split::wasm_split(
            $chunk,
            wasm_split_path = ::leptos::wasm_split,
            fallible,
            preload(#[allow(dead_code)] $prefetch)
        )]
        $vis fn $name( $( $arg : $ty ),* ) -> ::core::result::Result<(), $crate::lazy::ChunkFailed> {
            $body;
            ::core::result::Result::Ok(())
        }

        #[cfg(runner_token_unsplit)]
        $(#[$attr])*
        $vis async fn $name( $( $arg : $ty ),* ) -> ::core::result::Result<(), $crate::lazy::ChunkFailed> {
            $body;
            ::core::result::Result::Ok(())
        }

        #[cfg(runner_token_unsplit)]
        #[allow(dead_code)]
        $vis async fn $prefetch() -> $crate::lazy::Prefetched {
            ::core::result::Result::Ok(())
        }
    };
}
pub(crate) use split_call;

/// Loads a chunk ahead of need: when the browser is first idle, `prefetch` (a split function's
/// prefetch function) fetches and instantiates the chunk, so showing its section later does not
/// wait for the network; then, at the next idle moment, `warm` (a flow of that chunk which gets
/// its code ready to run, see `ui::result::rehearse_result`, which also makes the session). A
/// failed prefetch is left for the section itself to retry.
pub fn prefetch_at_idle<Fut, Warm>(prefetch: fn() -> Fut, warm: impl FnOnce() -> Warm + 'static)
where
    Fut: Future<Output = Prefetched> + 'static,
    Warm: Future<Output = Result<(), ChunkFailed>> + 'static,
{
    when_idle(move || {
        spawn_local(async move {
            // The loader logs a failure to the console; the section retries when shown.
            if prefetch().await.is_ok() {
                when_idle(move || {
                    spawn_local(async move {
                        let _ = warm().await;
                    })
                });
            }
        })
    });
}

/// Runs `f` once the browser is idle (within 2 s at most), or after 200 ms where there is no
/// `requestIdleCallback` (Safari).
fn when_idle(f: impl FnOnce() + 'static) {
    let once = std::rc::Rc::new(Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    if request_idle_callback_with_handle(run.clone()).is_err() {
        set_timeout(run, Duration::from_millis(200));
    } else {
        // The idle callback may wait indefinitely on a busy page; whichever comes first runs it.
        set_timeout(run, Duration::from_secs(2));
    }
}

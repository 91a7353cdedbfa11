//! Running a task's first step in the caller's turn. `spawn_local` queues a task: it starts
//! only after the event handler returns and after every effect the handler's signal writes
//! woke (the cleared result). A request started with [`start_now`] is sent before any of that
//! runs (scripts/bench: click to result).

use leptos::task::spawn_local;
use std::future::Future;
use std::task::{Context, Waker};

/// Runs `task` up to its first wait now (a request is sent before this returns; a task with
/// nothing to wait for ends here), and the rest as a queued task, as [`spawn_local`] would. A
/// future wakes the waker of its latest poll, so the queued task goes on where this poll stopped.
pub fn start_now(task: impl Future<Output = ()> + 'static) {
    let mut task = Box::pin(task);
    if task.as_mut().poll(&mut Context::from_waker(Waker::noop())).is_pending() {
        spawn_local(task);
    }
}

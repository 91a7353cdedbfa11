//! Running a task's first step in the caller's turn. `spawn_local` queues a task: it starts
//! only after the event handler returns and after every effect the handler's signal writes
//! woke (the busy button, the cleared result). A request started with [`start_now`] is sent
//! before any of that is drawn (scripts/bench: click to result).

use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

/// Polls `task` once, now: its answer if it has one already, else the task itself, to be
/// awaited. A future wakes the waker of its latest poll, so awaiting it afterwards (or handing
/// it to [`spawn_local`]) goes on where it stopped.
pub fn poll_now<F: Future + ?Sized>(mut task: Pin<Box<F>>) -> Result<F::Output, Pin<Box<F>>> {
    match task.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(answer) => Ok(answer),
        Poll::Pending => Err(task),
    }
}

/// Runs `task` up to its first wait now (a request is sent before this returns), and the rest
/// as a queued task, as [`spawn_local`] would.
pub fn start_now(task: impl Future<Output = ()> + 'static) {
    if let Err(rest) = poll_now(Box::pin(task)) {
        spawn_local(rest);
    }
}

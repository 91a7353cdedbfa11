//! Reads, written once for every tab: [`Load`], what a read shows (on its way, arrived,
//! failed), and [`Loaded`], what a tab has loaded and with which token, so that an answer of an
//! earlier load is dropped and a list loaded with another token goes (its buttons would send
//! the new token where the old one was sent). The session drops every [`Loaded`] in one place
//! when the token changes ([`super::Session`]'s token rule).

use super::credential::{Credential, PinnedToken};
use super::latest::{Latest, Turn};
use crate::github::ApiError;
use leptos::prelude::*;

/// An answer that is on its way, arrived, or failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(T),
    Failed(ApiError),
}

impl<T> Load<T> {
    /// What a request's answer shows.
    pub fn of(answer: Result<T, ApiError>) -> Self {
        answer.map_or_else(Load::Failed, Load::Ready)
    }

    pub fn failed(&self) -> bool {
        matches!(self, Load::Failed(_))
    }

    pub fn is_loading(&self) -> bool {
        matches!(self, Load::Loading)
    }

    pub fn ready(&self) -> Option<&T> {
        match self {
            Load::Ready(value) => Some(value),
            _ => None,
        }
    }

    pub fn error(&self) -> Option<&ApiError> {
        match self {
            Load::Failed(error) => Some(error),
            _ => None,
        }
    }
}

/// What a tab loaded, and with which token: each load takes a [`Turn`] (a newer load drops the
/// older one's answers) and pins the token it sends, which its follow-ups (Refresh, a write's
/// re-read) may send only while the field still holds it.
#[derive(Clone, Copy)]
pub struct Loaded {
    latest: Latest,
    token: StoredValue<Option<PinnedToken>>,
    credential: Credential,
}

impl Loaded {
    pub fn new(credential: Credential) -> Self {
        Self {
            latest: Latest::new(),
            token: StoredValue::new(None),
            credential,
        }
    }

    /// A load begins now: earlier loads' answers no longer act, and the token now in the field
    /// is the one this load (and what follows from it) sends.
    pub fn begin(&self) -> (Turn, PinnedToken) {
        let token = self.credential.pinned();
        self.token.set_value(Some(token));
        (self.latest.turn(), token)
    }

    /// The token now in the field, for a request that is not a load (a write, a detail read):
    /// it does not supersede the load under way.
    pub fn token_now(&self) -> PinnedToken {
        self.credential.pinned()
    }

    /// Whether something was loaded (or is loading) with a token the field no longer holds.
    pub fn with_another_token(&self) -> bool {
        self.token.try_get_value().flatten().is_some_and(|t| !t.is_current())
    }

    /// Nothing is loaded any more: answers under way are dropped.
    pub fn forget(&self) {
        self.latest.cancel();
        self.token.set_value(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "ghp_oldToken0123456789abcdefABCDEF0123";
    const NEW: &str = "ghp_newToken0123456789abcdefABCDEF0123";

    #[test]
    fn a_load_is_superseded_by_the_next_and_belongs_to_its_token() {
        let owner = Owner::new();
        owner.set();
        let credential = Credential::new();
        credential.set(OLD.to_string());
        let loaded = Loaded::new(credential);
        assert!(!loaded.with_another_token(), "nothing loaded yet");
        let (first, token) = loaded.begin();
        assert!(first.is_current() && token.is_current());
        let (second, _) = loaded.begin();
        assert!(!first.is_current() && second.is_current());
        credential.set(NEW.to_string());
        assert!(loaded.with_another_token());
        loaded.forget();
        assert!(!second.is_current());
        assert!(!loaded.with_another_token());
    }

    #[test]
    fn a_load_shows_its_answer() {
        assert_eq!(Load::of(Ok::<_, ApiError>(3)).ready(), Some(&3));
        let failed = Load::<u8>::of(Err(ApiError::token_forgotten()));
        assert!(failed.failed() && failed.error().is_some() && failed.ready().is_none());
        assert!(Load::<u8>::Loading.is_loading());
    }
}

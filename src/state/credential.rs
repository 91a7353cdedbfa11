//! `Credential`: the one place the page holds the access token. The token field edits it;
//! every request reads it here at the moment it is built (through a [`PinnedToken`], the
//! `github::TokenSource`) and keeps no copy, so forgetting it here is forgetting it everywhere
//! the page could send it from.
//!
//! A flow (a request and what follows it, a watch, a list, a removal run, a group edit) takes
//! the token as [`PinnedToken`] when it begins, and sends only that token: once the field holds
//! another one, the flow's later requests are not sent (`ErrorKind::TokenChanged`). A token
//! pasted over the old one is never sent by work the old one started, to a server or scope
//! chosen for the old one.

use crate::github::{AccessToken, ApiError, TokenKind, TokenSource};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct Credential {
    /// The field's text, as typed (a pasted `Bearer ` and spaces included).
    text: RwSignal<String>,
    /// How many times the text has changed: a pinned token is the one of a given count.
    changes: StoredValue<u64>,
}

impl Credential {
    pub fn new() -> Self {
        Self {
            text: RwSignal::new(String::new()),
            changes: StoredValue::new(0),
        }
    }

    /// The token as it is now, for a flow that begins now: see [`PinnedToken`].
    pub fn pinned(&self) -> PinnedToken {
        PinnedToken {
            credential: *self,
            at: self.changes.get_value(),
        }
    }

    /// The token field's text (tracked), for the field itself.
    pub fn text(&self) -> Signal<String> {
        self.text.into()
    }

    pub fn set(&self, text: String) {
        // The same text again (pasted twice) is no change: nothing pinned to it is stopped.
        if self.text.with_untracked(|t| *t == text) {
            return;
        }
        self.changes.update_value(|n| *n += 1);
        self.text.set(text);
    }

    /// Whether there is no token (tracked).
    pub fn is_empty(&self) -> bool {
        self.text.with(String::is_empty)
    }

    pub fn is_empty_untracked(&self) -> bool {
        self.text.with_untracked(String::is_empty)
    }

    /// The token's kind, when what is typed is a token at all (tracked).
    pub fn kind(&self) -> Option<TokenKind> {
        self.text.with(|t| AccessToken::parse(t).ok().map(|t| t.kind()))
    }

    /// Lends the text to `f` (tracked): for validation, which keeps no copy.
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        self.text.with(|t| f(t))
    }

    /// Drops the token. The bytes the page held are overwritten first; copies the browser made
    /// (the input's value, headers of requests already sent) are beyond the page's reach.
    pub fn forget(&self) {
        self.changes.update_value(|n| *n += 1);
        self.text.update(|t| {
            let mut bytes = std::mem::take(t).into_bytes();
            bytes.fill(0);
            std::hint::black_box(&bytes);
        });
    }
}

impl Default for Credential {
    fn default() -> Self {
        Self::new()
    }
}

/// The token a flow began with (see the module's comment): it lends the field's text only while
/// the field still holds that token. It holds no copy of it.
#[derive(Clone, Copy)]
pub struct PinnedToken {
    credential: Credential,
    at: u64,
}

impl PinnedToken {
    /// Whether the field still holds the token this was pinned to.
    pub fn is_current(&self) -> bool {
        self.credential.changes.try_get_value() == Some(self.at)
    }
}

impl TokenSource for PinnedToken {
    fn authorization(&self) -> Result<String, ApiError> {
        if self.credential.is_empty_untracked() {
            return Err(ApiError::token_forgotten());
        }
        if !self.is_current() {
            return Err(ApiError::token_changed());
        }
        self.credential
            .text
            .with_untracked(|t| AccessToken::parse(t).ok().map(|t| t.authorization()))
            .ok_or_else(ApiError::token_forgotten)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::github::ErrorKind;

    const OLD: &str = "ghp_oldToken0123456789abcdefABCDEF0123";
    const NEW: &str = "ghp_newToken0123456789abcdefABCDEF0123";

    fn kind(answer: Result<String, ApiError>) -> Result<String, ErrorKind> {
        answer.map_err(|e| e.kind)
    }

    #[test]
    fn a_pinned_token_is_sent_only_while_the_field_holds_it() {
        let owner = Owner::new();
        owner.set();
        let credential = Credential::new();
        credential.set(OLD.to_string());
        let pinned = credential.pinned();
        assert_eq!(kind(pinned.authorization()), Ok(format!("Bearer {OLD}")));
        // The same text again is no change.
        credential.set(OLD.to_string());
        assert!(pinned.is_current());
        // Another token pasted over it: the old flow sends nothing, not even the new one.
        credential.set(NEW.to_string());
        assert!(!pinned.is_current());
        assert_eq!(kind(pinned.authorization()), Err(ErrorKind::TokenChanged));
        // Typed back, it is still not the flow's: a change is a change.
        credential.set(OLD.to_string());
        assert_eq!(kind(pinned.authorization()), Err(ErrorKind::TokenChanged));
        // A flow that begins now sends the token now in the field.
        let now = credential.pinned();
        assert_eq!(kind(now.authorization()), Ok(format!("Bearer {OLD}")));
        credential.forget();
        assert_eq!(kind(now.authorization()), Err(ErrorKind::TokenForgotten));
        assert_eq!(
            kind(credential.pinned().authorization()),
            Err(ErrorKind::TokenForgotten)
        );
    }
}

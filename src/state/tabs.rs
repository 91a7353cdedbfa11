//! `Tabs`: which section is open. The address's fragment names it (`#runners`), so a link
//! opens that tab, switching updates the address without reloading, and Back goes back.

use crate::browser::location;
use leptos::prelude::*;

/// The page's sections, in the tab list's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Register,
    Runners,
    Troubleshoot,
    Groups,
    Security,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Register,
        Tab::Runners,
        Tab::Troubleshoot,
        Tab::Groups,
        Tab::Security,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::Register => "Register",
            Self::Runners => "Runners",
            Self::Troubleshoot => "Troubleshoot",
            Self::Groups => "Runner groups",
            Self::Security => "Security",
        }
    }

    /// The fragment that opens it, and the stem of its tab's and panel's ids.
    pub fn key(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::Runners => "runners",
            Self::Troubleshoot => "troubleshoot",
            Self::Groups => "groups",
            Self::Security => "security",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The tab `step` places after this one, wrapping around (arrow keys).
    pub fn step(self, step: isize) -> Self {
        let n = Self::ALL.len() as isize;
        let at = Self::ALL.iter().position(|t| *t == self).unwrap_or(0) as isize;
        Self::ALL[(at + step).rem_euclid(n) as usize]
    }
}

#[derive(Clone, Copy)]
pub struct Tabs {
    pub active: RwSignal<Tab>,
}

impl Tabs {
    /// The tab the address names, Register otherwise; follows the address from then on.
    pub fn new() -> Self {
        let active = RwSignal::new(Tab::from_key(&location::fragment()).unwrap_or_default());
        location::on_fragment_change(move || {
            let named = Tab::from_key(&location::fragment()).unwrap_or_default();
            if active.get_untracked() != named {
                active.set(named);
            }
        });
        Self { active }
    }

    /// Opens `tab` and says so in the address.
    pub fn open(&self, tab: Tab) {
        if self.active.get_untracked() != tab {
            self.active.set(tab);
            location::set_fragment(tab.key());
        }
    }
}

impl Default for Tabs {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_wrap_around_and_keys_round_trip() {
        assert_eq!(Tab::Register.step(-1), *Tab::ALL.last().unwrap());
        assert_eq!(Tab::ALL.last().unwrap().step(1), Tab::Register);
        for tab in Tab::ALL {
            assert_eq!(Tab::from_key(tab.key()), Some(tab));
        }
        assert_eq!(Tab::from_key("nope"), None);
    }
}

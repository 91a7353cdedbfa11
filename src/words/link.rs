//! The words of the warning shown when the page's link carried a secret: what was taken out of
//! the address bar, and what to do about it.

use crate::words::grammar::plural;

/// The warning's title.
pub const SECRET_REMOVED: &str = "The link you opened contained a secret, which was removed and not used.";

/// What was taken out and what to do: "Parameter “token” was taken out …", "Parameters
/// “token”, “note” were taken out …".
pub fn removed_parameters(names: &[String]) -> String {
    let n = names.len() as u64;
    let quoted = names
        .iter()
        .map(|name| format!("\u{201c}{name}\u{201d}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{} {quoted} {} taken out of the address bar. Links end up in browser history, chat logs and server logs: if {} a real token, revoke that token and create a new one. Paste tokens into the Access token field instead.",
        plural(n, "Parameter", "Parameters"),
        plural(n, "was", "were"),
        plural(n, "it held", "one held"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_removed_parameter_is_singular_and_several_are_plural() {
        assert_eq!(
            removed_parameters(&["token".into()]),
            "Parameter \u{201c}token\u{201d} was taken out of the address bar. Links end up in browser history, chat logs and server logs: if it held a real token, revoke that token and create a new one. Paste tokens into the Access token field instead."
        );
        let two = removed_parameters(&["token".into(), "note".into()]);
        assert!(
            two.starts_with(
                "Parameters \u{201c}token\u{201d}, \u{201c}note\u{201d} were taken out of the address bar."
            ) && two.contains("if one held a real token"),
            "{two}"
        );
    }
}

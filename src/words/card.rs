//! What the scope card still needs before a tab's button can send anything: said beside the
//! disabled button, so it is never disabled without a reason.

use crate::form::FieldErrors;
use crate::github::ScopeKind;

/// "Fill in the Organization and the Access token above first." for the fields of the card
/// that are not valid yet, in the card's order.
pub fn card_needed(errors: &FieldErrors, kind: ScopeKind) -> String {
    let fields: Vec<&str> = errors.invalid(kind).map(|(_, label)| label).collect();
    let list = match fields.as_slice() {
        [] => return String::new(),
        [one] => format!("the {one}"),
        [rest @ .., last] => format!(
            "the {} and the {last}",
            rest.iter().map(|f| f.to_string()).collect::<Vec<_>>().join(", the ")
        ),
    };
    format!("Fill in {list} above first.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(scope: bool, token: bool, api: bool) -> FieldErrors {
        let e = |on: bool| on.then(|| "x".to_string());
        FieldErrors {
            scope: e(scope),
            token: e(token),
            api: e(api),
            server: None,
        }
    }

    #[test]
    fn the_fields_still_needed_are_named_in_the_cards_order() {
        assert_eq!(
            card_needed(&errors(true, true, false), ScopeKind::Organization),
            "Fill in the Organization and the Access token above first."
        );
        assert_eq!(
            card_needed(&errors(false, true, false), ScopeKind::Repository),
            "Fill in the Access token above first."
        );
        assert_eq!(
            card_needed(&errors(true, true, true), ScopeKind::Enterprise),
            "Fill in the Enterprise, the Access token and the API URL above first."
        );
        assert_eq!(card_needed(&errors(false, false, false), ScopeKind::Enterprise), "");
    }
}

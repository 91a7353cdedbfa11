//! Pagination: GitHub names the next page of a list in the `Link` header (`rel="next"`).

/// The `rel="next"` URL of a `Link` header, if any.
pub fn next_link(header: &str) -> Option<&str> {
    header.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        let url = url.trim().strip_prefix('<')?.strip_suffix('>')?;
        params.split(';').any(|p| p.trim() == "rel=\"next\"").then_some(url)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn follows_githubs_link_header() {
        let h = r#"<https://api.github.com/organizations/9/actions/runner-groups?per_page=100&page=2>; rel="next", <https://api.github.com/organizations/9/actions/runner-groups?per_page=100&page=3>; rel="last""#;
        assert_eq!(
            next_link(h),
            Some("https://api.github.com/organizations/9/actions/runner-groups?per_page=100&page=2")
        );
        assert_eq!(
            next_link(r#"<https://x/?page=1>; rel="prev", <https://x/?page=1>; rel="first""#),
            None
        );
        assert_eq!(next_link(""), None);
    }

    proptest! {
        #[test]
        fn no_text_makes_it_panic(s in "\\PC{0,200}") {
            let _ = next_link(&s);
        }
    }
}

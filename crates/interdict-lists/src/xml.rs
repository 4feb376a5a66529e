//! A small, safe XML tree for the XML list formats (UN, OFAC Enhanced, EU FSF).
//!
//! Owns turning bytes into a tree of [`Node`]s with `quick-xml`. It refuses
//! any `<!DOCTYPE` (and so any `<!ENTITY` declaration) outright, leaves
//! unknown entity references as errors (never expanded), and reports every
//! error with file, line and column. Element and attribute names are kept as
//! local names (namespace prefixes dropped). It knows no list format.

use crate::error::{ParseError, ParseErrorKind};
use crate::source::Input;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One element.
#[derive(Debug, Default)]
pub(crate) struct Node {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// The element's own text (and CDATA), trimmed.
    pub text: String,
    pub children: Vec<Node>,
    /// Byte offset of the start tag, for error messages.
    pub offset: usize,
}

impl Node {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every child named `name`.
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The trimmed text of the first child named `name`, if not empty.
    pub fn text_of(&self, name: &str) -> Option<&str> {
        self.child(name)
            .map(|c| c.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// This element's text, if not empty.
    pub fn value(&self) -> Option<&str> {
        Some(self.text.trim()).filter(|t| !t.is_empty())
    }

    /// An attribute value, if present and not empty.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// Texts of every `<VALUE>`-style grandchild: `self/<outer>/<inner>`.
    pub fn values<'a>(&'a self, outer: &'a str, inner: &'a str) -> impl Iterator<Item = &'a str> {
        self.children(outer)
            .flat_map(move |o| o.children(inner))
            .filter_map(Node::value)
    }
}

fn local(name: &[u8]) -> String {
    let local = name.rsplit(|&b| b == b':').next().unwrap_or(name);
    String::from_utf8_lossy(local).into_owned()
}

fn position(reader: &Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn start_node(input: &Input, e: &BytesStart<'_>, offset: usize) -> Result<Node, ParseError> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| input.error_at(offset, ParseErrorKind::Xml(err.to_string())))?;
        let value = a
            .unescape_value()
            .map_err(|err| input.error_at(offset, ParseErrorKind::Xml(err.to_string())))?;
        attrs.push((local(a.key.as_ref()), value.into_owned()));
    }
    Ok(Node {
        name: local(e.name().as_ref()),
        attrs,
        offset,
        ..Node::default()
    })
}

/// What a parsed document must look like: its root element and a description
/// of the format for "wrong format" errors.
pub(crate) struct Expect<'a> {
    pub root: &'a str,
    pub format: &'a str,
}

/// Parses a whole document into its root element.
pub(crate) fn parse(input: &Input, expect: &Expect<'_>) -> Result<Node, ParseError> {
    let text = input.utf8()?;
    let bom = input.bytes.len() - text.len();
    let first = text.trim_start();
    if !first.starts_with('<') {
        let offset = bom + text.len() - first.len();
        let found: String = first.chars().take(30).collect();
        return Err(input.error_at(
            offset,
            ParseErrorKind::WrongFormat {
                expected: expect.format.to_string(),
                found: format!("text starting {found:?}"),
            },
        ));
    }
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    loop {
        // trim_text skips whitespace before an event: point at the event itself.
        let before = skip_whitespace(&input.bytes, bom + position(&reader));
        let event = reader.read_event().map_err(|err| {
            let at = bom + usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            let msg = err.to_string();
            let kind = if at + 2 >= input.bytes.len() || msg.contains("EOF") {
                ParseErrorKind::Truncated(msg)
            } else {
                ParseErrorKind::Xml(msg)
            };
            input.error_at(at, kind)
        })?;
        match event {
            Event::DocType(_) => return Err(input.error_at(before, ParseErrorKind::DtdRefused)),
            Event::Start(e) => {
                let node = start_node(input, &e, before)?;
                if stack.is_empty() && root.is_none() {
                    check_root(input, &node, expect)?;
                }
                stack.push(node);
            }
            Event::Empty(e) => {
                let node = start_node(input, &e, before)?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => {
                        check_root(input, &node, expect)?;
                        root = Some(node);
                    }
                }
            }
            Event::End(_) => {
                let Some(node) = stack.pop() else {
                    return Err(
                        input.error_at(before, ParseErrorKind::Xml("unexpected end tag".into()))
                    );
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => root = Some(node),
                }
            }
            Event::Text(t) => {
                let s = t
                    .unescape()
                    .map_err(|err| input.error_at(before, ParseErrorKind::Xml(err.to_string())))?;
                append_text(input, &mut stack, &s, before)?;
            }
            Event::CData(c) => {
                let raw = c.into_inner();
                let s = String::from_utf8_lossy(&raw);
                append_text(input, &mut stack, &s, before)?;
            }
            Event::Eof => break,
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(input.error_at(
            input.bytes.len(),
            ParseErrorKind::Truncated(format!("<{}> is not closed", open.name)),
        ));
    }
    root.ok_or_else(|| {
        input.error_at(
            input.bytes.len(),
            ParseErrorKind::Truncated("no root element".into()),
        )
    })
}

fn skip_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
        i += 1;
    }
    i
}

fn append_text(
    input: &Input,
    stack: &mut [Node],
    s: &str,
    offset: usize,
) -> Result<(), ParseError> {
    match stack.last_mut() {
        Some(node) => {
            if !node.text.is_empty() {
                node.text.push(' ');
            }
            node.text.push_str(s.trim());
            Ok(())
        }
        None if s.trim().is_empty() => Ok(()),
        None => Err(input.error_at(
            offset,
            ParseErrorKind::Xml("text outside the root element".into()),
        )),
    }
}

fn check_root(input: &Input, node: &Node, expect: &Expect<'_>) -> Result<(), ParseError> {
    if node.name == expect.root {
        return Ok(());
    }
    Err(input.error_at(
        node.offset,
        ParseErrorKind::WrongFormat {
            expected: expect.format.to_string(),
            found: format!("root element <{}>", node.name),
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECT: Expect<'static> = Expect {
        root: "a",
        format: "test XML",
    };

    fn parse_str(s: &str) -> Result<Node, ParseError> {
        let input = Input::from_bytes("t.xml", s.as_bytes()).expect("plain");
        parse(&input, &EXPECT)
    }

    #[test]
    fn builds_a_tree_with_local_names() {
        let root =
            parse_str(r#"<x:a xmlns:x="u"><b k="v">one &amp; two</b><c/></x:a>"#).expect("valid");
        assert_eq!(root.name, "a");
        assert_eq!(root.text_of("b"), Some("one & two"));
        assert_eq!(root.child("b").and_then(|b| b.attr("k")), Some("v"));
        assert!(root.child("c").is_some());
    }

    #[test]
    fn refuses_doctype_and_unknown_entities() {
        let e = parse_str("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")
            .expect_err("dtd");
        assert_eq!(e.kind, ParseErrorKind::DtdRefused);
        assert_eq!((e.line, e.column), (2, 1));
        let e = parse_str("<a>&x;</a>").expect_err("entity");
        assert!(matches!(e.kind, ParseErrorKind::Xml(_)), "{e}");
    }

    #[test]
    fn truncation_and_wrong_root_are_reported() {
        let e = parse_str("<a><b>text</b>\n<c>").expect_err("truncated");
        assert!(matches!(e.kind, ParseErrorKind::Truncated(_)), "{e}");
        let e = parse_str("<z/>").expect_err("wrong root");
        assert!(matches!(e.kind, ParseErrorKind::WrongFormat { .. }), "{e}");
    }
}

//! What the server serves: datasets (bundled lists or FtM files) and
//! collections of them, from yente's manifest format or from the command
//! line, and the scope a dataset or collection name stands for.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The collections every instance has, as in yente's default manifest.
pub const DEFAULT_COLLECTIONS: [(&str, &str); 2] = [
    ("default", "All loaded datasets"),
    ("sanctions", "Sanctions lists"),
];

/// Why a manifest or a dataset argument cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    /// The manifest file could not be read.
    #[error("cannot read the manifest {path}: {source}")]
    Read {
        /// The manifest's path.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The manifest is not YAML of yente's manifest shape.
    #[error("the manifest {path} is not yente's manifest YAML: {source}")]
    Yaml {
        /// The manifest's path.
        path: PathBuf,
        /// Where and why the YAML does not parse.
        #[source]
        source: serde_yaml::Error,
    },
    /// A `--dataset-file` argument that is not `NAME=PATH` (the argument as given).
    #[error("--dataset-file expects NAME=PATH, got {0:?}")]
    DatasetArg(String),
    /// A dataset whose entities URL is remote (the dataset's name); the
    /// server loads only local files.
    #[error("dataset {0:?}: only file:// URLs and paths can be loaded offline")]
    RemoteUrl(String),
    /// A dataset with no file that is not a bundled list either.
    #[error("dataset {name:?} has no entities_url or path and is not a bundled list (bundled: {bundled})")]
    UnknownBundled {
        /// The dataset's name in the manifest.
        name: String,
        /// The bundled list names, comma-separated.
        bundled: String,
    },
    /// A collection naming a dataset the manifest does not define.
    #[error("collection {collection:?} names {child:?}, which the manifest does not define")]
    UnknownChild {
        /// The collection's name.
        collection: String,
        /// The undefined name it lists.
        child: String,
    },
}

/// Where a leaf dataset's entities come from.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A list bundled with interdict (or its updated snapshot in the store).
    Bundled,
    /// An FtM JSON-lines file.
    File(PathBuf),
}

/// One dataset or collection as the manifest states it.
#[derive(Debug, Clone, PartialEq)]
pub struct DatasetSpec {
    /// The name clients use in routes (`/match/{name}`) and `datasets` fields.
    pub name: String,
    /// Human-readable title, as in the manifest.
    pub title: String,
    /// Empty for a leaf dataset.
    pub children: Vec<String>,
    /// None for a collection.
    pub origin: Option<Origin>,
}

/// Everything to load and serve.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// Every dataset and collection served.
    pub specs: Vec<DatasetSpec>,
    /// True when the manifest named its datasets; false serves every bundled list.
    pub from_manifest: bool,
}

#[derive(Deserialize)]
struct ManifestFile {
    #[serde(default)]
    datasets: Vec<ManifestDataset>,
    /// Older manifests list collections apart.
    #[serde(default)]
    collections: Vec<ManifestDataset>,
}

#[derive(Deserialize)]
struct ManifestDataset {
    name: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    entities_url: Option<String>,
    #[serde(default)]
    path: Option<PathBuf>,
    #[serde(default)]
    children: Vec<String>,
    #[serde(default)]
    datasets: Vec<String>,
}

impl Sources {
    /// Reads yente's manifest YAML; relative paths are read from the manifest's folder.
    pub fn from_manifest(path: &Path) -> Result<Sources, CatalogError> {
        let text = std::fs::read_to_string(path).map_err(|source| CatalogError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let file: ManifestFile =
            serde_yaml::from_str(&text).map_err(|source| CatalogError::Yaml {
                path: path.to_path_buf(),
                source,
            })?;
        let base = path.parent().unwrap_or(Path::new("."));
        let mut specs = Vec::new();
        for d in file.datasets.into_iter().chain(file.collections) {
            specs.push(spec_of(d, base)?);
        }
        Ok(Sources {
            specs,
            from_manifest: true,
        })
    }

    /// Adds `NAME=PATH` from the command line as a file dataset.
    pub fn add_file_arg(&mut self, arg: &str) -> Result<(), CatalogError> {
        let (name, path) = arg
            .split_once('=')
            .filter(|(n, p)| !n.is_empty() && !p.is_empty())
            .ok_or_else(|| CatalogError::DatasetArg(arg.to_string()))?;
        self.specs.retain(|s| s.name != name);
        self.specs.push(DatasetSpec {
            name: name.to_string(),
            title: name.to_string(),
            children: Vec::new(),
            origin: Some(Origin::File(PathBuf::from(path))),
        });
        Ok(())
    }

    /// Checks bundled names and collection children; adds `default` and
    /// `sanctions` over every leaf when the manifest lacks them.
    pub fn resolve(mut self, bundled: &[&str]) -> Result<Sources, CatalogError> {
        if !self.from_manifest {
            let mut specs: Vec<DatasetSpec> = bundled
                .iter()
                .map(|n| DatasetSpec {
                    name: n.to_string(),
                    title: n.to_string(),
                    children: Vec::new(),
                    origin: Some(Origin::Bundled),
                })
                .collect();
            specs.append(&mut self.specs);
            self.specs = specs;
        }
        for s in &self.specs {
            if s.origin == Some(Origin::Bundled) && !bundled.contains(&s.name.as_str()) {
                return Err(CatalogError::UnknownBundled {
                    name: s.name.clone(),
                    bundled: bundled.join(", "),
                });
            }
            for c in &s.children {
                if !self.specs.iter().any(|x| &x.name == c) {
                    return Err(CatalogError::UnknownChild {
                        collection: s.name.clone(),
                        child: c.clone(),
                    });
                }
            }
        }
        let leaves: Vec<String> = self.leaves().cloned().collect();
        for (name, title) in DEFAULT_COLLECTIONS {
            if !self.specs.iter().any(|s| s.name == name) {
                self.specs.push(DatasetSpec {
                    name: name.to_string(),
                    title: title.to_string(),
                    children: leaves.clone(),
                    origin: None,
                });
            }
        }
        Ok(self)
    }

    fn leaves(&self) -> impl Iterator<Item = &String> {
        self.specs
            .iter()
            .filter(|s| s.origin.is_some())
            .map(|s| &s.name)
    }

    /// The dataset or collection of that name, if served.
    pub fn get(&self, name: &str) -> Option<&DatasetSpec> {
        self.specs.iter().find(|s| s.name == name)
    }

    /// The leaf datasets a dataset or collection name stands for (None: unknown name).
    pub fn scope(&self, name: &str) -> Option<BTreeSet<String>> {
        let mut out = BTreeSet::new();
        let mut stack = vec![self.get(name)?];
        let mut seen = BTreeSet::new();
        while let Some(s) = stack.pop() {
            if !seen.insert(s.name.clone()) {
                continue;
            }
            if s.origin.is_some() {
                out.insert(s.name.clone());
            }
            stack.extend(s.children.iter().filter_map(|c| self.get(c)));
        }
        Some(out)
    }
}

fn spec_of(d: ManifestDataset, base: &Path) -> Result<DatasetSpec, CatalogError> {
    let mut children = d.children;
    children.extend(d.datasets);
    let location = match (&d.entities_url, &d.path) {
        (Some(url), _) => Some(local_path(&d.name, url, base)?),
        (None, Some(p)) => Some(base.join(p)),
        (None, None) => None,
    };
    let origin = match location {
        Some(p) => Some(Origin::File(p)),
        None if children.is_empty() => Some(Origin::Bundled),
        None => None,
    };
    Ok(DatasetSpec {
        title: d.title.unwrap_or_else(|| d.name.clone()),
        name: d.name,
        children,
        origin,
    })
}

/// A `file://` URL or a plain path; remote URLs cannot be fetched offline.
fn local_path(name: &str, url: &str, base: &Path) -> Result<PathBuf, CatalogError> {
    if let Some(rest) = url.strip_prefix("file://") {
        return Ok(PathBuf::from(rest));
    }
    if url.contains("://") {
        return Err(CatalogError::RemoteUrl(name.to_string()));
    }
    Ok(base.join(url))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifest_datasets_collections_and_defaults() {
        let dir = std::env::temp_dir().join(format!("interdict-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("manifest.yml");
        std::fs::write(
            &path,
            "datasets:\n  - name: zala\n    title: Zala Test Dataset\n    entities_url: file:///x/zala.json\n    load: true\n  - name: un_sc_sanctions\n  - name: mine\n    title: Mine\n    children: [zala]\n",
        )
        .expect("write");
        let s = Sources::from_manifest(&path)
            .and_then(|s| s.resolve(&["un_sc_sanctions", "us_ofac_sdn"]))
            .expect("valid manifest");
        assert_eq!(
            s.get("zala").and_then(|d| d.origin.clone()),
            Some(Origin::File(PathBuf::from("/x/zala.json")))
        );
        assert_eq!(
            s.get("un_sc_sanctions").and_then(|d| d.origin.clone()),
            Some(Origin::Bundled)
        );
        assert_eq!(s.scope("mine").map(|x| x.len()), Some(1));
        assert_eq!(s.scope("default").map(|x| x.len()), Some(2));
        assert!(s.scope("sanctions").is_some());
        assert!(s.scope("banana").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn unknown_bundled_and_bad_args_are_refused() {
        let mut s = Sources::default();
        assert!(s.add_file_arg("no-equals").is_err());
        s.from_manifest = true;
        s.specs.push(DatasetSpec {
            name: "nope".into(),
            title: "nope".into(),
            children: vec![],
            origin: Some(Origin::Bundled),
        });
        assert!(s.resolve(&["un_sc_sanctions"]).is_err());
    }
}

"""The server side of H5P, built on the H5P core's own rules (there is no maintained Python port).

- `validation` reads an uploaded `.h5p` (a ZIP) and checks it completely before anything is
  written: ZIP integrity, size limits, path safety, the core's file-extension whitelist,
  `h5p.json`, the library folders and their dependencies.
- `storage` extracts a validated package with byte caps into a temporary directory and moves
  it into place; libraries of the same machine name and full version are shared.
- `access` decides who may fetch a package's content files.
"""

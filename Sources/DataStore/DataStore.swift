// The DataStore module; see the README for its place in the package.

// The module graph of a bundle, shared by the build-time bundlers (bundle-vendor.mjs,
// build-startup-bundle.mjs): every file reached from `entry`, each once, numbered in the order
// first reached. `transform(file, add)` returns a file's code with its imports rewritten, calling
// `add(other)` for each file it needs, which returns that file's number.
export function collectModules(entry, transform) {
  const ids = new Map();
  const modules = [];
  const add = (file) => {
    if (ids.has(file)) return ids.get(file);
    const id = modules.length;
    ids.set(file, id);
    // Numbered before its code is made: a file that imports it back gets this number.
    modules.push(undefined);
    modules[id] = { file, code: transform(file, add) };
    return id;
  };
  add(entry);
  return { modules, ids };
}

/*
 * `import()` with Subresource Integrity. import() takes no integrity option, so a
 * `<link rel="modulepreload" integrity=… crossorigin>` fetches and checks the module into the
 * page's module map first; once it has loaded, import() of the same URL reuses that entry
 * instead of fetching again. A file whose bytes don't match fires `error` and is never run.
 * A second modulepreload of a URL already in the module map (the loader preloads the boot
 * chunks beside the runtime) reuses that entry too, checked once.
 *
 * Trusted Types: `link.href` is not a script sink and import() is not checked, so this needs
 * no policy under `require-trusted-types-for 'script'` (`script.src = …` would).
 *
 * This file has no imports: the build also compiles it on its own into every runtime chunk
 * that loads another lazily (scripts/build/integrity.ts).
 */

/**
 * Fetches the module and checks its bytes, without running it. Resolves when it is in the
 * module map (at once when the browser has no modulepreload: Safari before 17 has nothing to
 * attach the hash to, so it loads without it rather than not at all; docs/deploy.md says so);
 * rejects when the fetch fails or the bytes don't match.
 */
export function preloadVerified(url: string, integrity: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    if (!link.relList?.supports?.("modulepreload")) return resolve();
    link.rel = "modulepreload";
    link.crossOrigin = "anonymous";
    link.integrity = integrity;
    link.href = url;
    link.onload = () => {
      link.remove();
      resolve();
    };
    link.onerror = () => {
      link.remove();
      reject(new Error(`${url} could not be fetched or does not match its integrity ${integrity}`));
    };
    (document.head ?? document.documentElement).append(link);
  });
}

/** Resolves with the module's namespace; rejects when the bytes don't match or the fetch fails. */
export function importVerified(url: string, integrity: string): Promise<unknown> {
  // import() must wait for the check: started earlier, it could fetch the file itself, unchecked.
  return preloadVerified(url, integrity).then(() => import(/* @vite-ignore */ url));
}

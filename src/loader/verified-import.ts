/*
 * `import()` with Subresource Integrity. import() takes no integrity option, so a
 * `<link rel="modulepreload" integrity=… crossorigin>` fetches and checks the module into the
 * page's module map first; once it has loaded, import() of the same URL reuses that entry
 * instead of fetching again. A file whose bytes don't match fires `error` and is never run.
 *
 * Trusted Types: `link.href` is not a script sink and import() is not checked, so this needs
 * no policy under `require-trusted-types-for 'script'` (`script.src = …` would).
 *
 * This file has no imports: the build also compiles it on its own into every runtime chunk
 * that loads another lazily (scripts/build/integrity.ts).
 */

/** Resolves with the module's namespace; rejects when the bytes don't match or the fetch fails. */
export function importVerified(url: string, integrity: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const link = document.createElement("link");
    // Without modulepreload (Safari before 17) there is nothing to attach the hash to: load
    // without it rather than not at all. docs/deploy.md says so.
    if (!link.relList?.supports?.("modulepreload")) {
      resolve(import(/* @vite-ignore */ url));
      return;
    }
    link.rel = "modulepreload";
    link.crossOrigin = "anonymous";
    link.integrity = integrity;
    link.href = url;
    // import() must wait for `load`: started earlier, it could fetch the file itself, unchecked.
    link.onload = () => {
      link.remove();
      resolve(import(/* @vite-ignore */ url));
    };
    link.onerror = () => {
      link.remove();
      reject(new Error(`${url} could not be fetched or does not match its integrity ${integrity}`));
    };
    (document.head ?? document.documentElement).append(link);
  });
}

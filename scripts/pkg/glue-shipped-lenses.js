
// ---- The shipped lens files (appended by scripts/pkg/shipped-lenses.mjs) ----------------------
// The engine embeds no lens: `Workspace.open` hands it the package's lenses/*.json, fetched once
// next to this file (or from `options.lenses`), unless `Lens.useBuiltins` already did (the
// Node entries do it on import, from disk). With `loadLenses: false` it fetches nothing: the
// caller gives each lens when a call rejects with `kind: "Uninitialized"` and its `lensAlias`
// (the web app does, so that its first page waits for no lens file).

/** The shipped lenses `Lens.useBuiltins` has accepted: nothing more to fetch for them. */
const shippedLensesGiven = new Set();
const SHIPPED_LENS_ALIASES = ["wellarchitected", "serverless"];
/** One download per folder, shared by concurrent opens; forgotten when it fails. */
const shippedLensDownloads = new Map();

function shippedLensError(message, cause) {
    const error = new Error(message, cause === undefined ? undefined : { cause });
    error.kind = "Unavailable";
    return error;
}

/** The URL of each shipped lens file: next to this module, or in `folder` (a URL or a path). */
function shippedLensUrls(folder) {
    if (folder === undefined) {
        // Literal `new URL(..., import.meta.url)`, the form Vite and webpack find and emit.
        return [
            ["wellarchitected", new URL("./lenses/wellarchitected.json", import.meta.url)],
            ["serverless", new URL("./lenses/serverless.json", import.meta.url)],
        ];
    }
    const href = typeof folder === "string" ? folder : String(folder.href);
    const base = new URL(href.endsWith("/") ? href : `${href}/`, globalThis.location?.href);
    return SHIPPED_LENS_ALIASES.map((alias) => [alias, new URL(`${alias}.json`, base)]);
}

async function downloadShippedLenses(folder) {
    const texts = {};
    await Promise.all(shippedLensUrls(folder).map(async ([alias, url]) => {
        let response;
        try {
            response = await fetch(url);
        } catch (cause) {
            throw shippedLensError(`the shipped lens file ${url} could not be fetched (${cause?.message ?? cause})`, cause);
        }
        if (!response.ok) throw shippedLensError(`the shipped lens file ${url} could not be fetched (HTTP ${response.status})`);
        texts[alias] = await response.text();
    }));
    return texts;
}

/** `options` without `lenses` and `loadLenses`, once the shipped lenses are in the engine. */
async function withShippedLenses(options) {
    const has = (key) => options !== null && typeof options === "object" && Object.hasOwn(options, key);
    if (!has("lenses") && !has("loadLenses")) {
        await giveMissingShippedLenses(undefined);
        return options;
    }
    const { lenses, loadLenses, ...rest } = options;
    if (loadLenses !== undefined && typeof loadLenses !== "boolean") {
        const error = new Error("loadLenses: must be true or false");
        Object.assign(error, { kind: "Validation", field: "loadLenses" });
        throw error;
    }
    const isFolder = typeof lenses === "string" || (lenses !== null && typeof lenses === "object" && "href" in lenses);
    // Texts given are always handed over (they replace texts that did not parse); a folder is
    // only fetched for the lenses not given yet.
    if (!isFolder && lenses !== undefined) Lens.useBuiltins(lenses);
    if (loadLenses !== false) await giveMissingShippedLenses(isFolder ? lenses : undefined);
    return rest;
}

async function giveMissingShippedLenses(folder) {
    if (SHIPPED_LENS_ALIASES.every((alias) => shippedLensesGiven.has(alias))) return;
    Lens.useBuiltins(await shippedLensesFrom(folder));
}

function shippedLensesFrom(folder) {
    const key = folder === undefined ? "" : String(typeof folder === "string" ? folder : folder.href);
    let download = shippedLensDownloads.get(key);
    if (!download) {
        download = downloadShippedLenses(folder);
        shippedLensDownloads.set(key, download);
        download.catch(() => shippedLensDownloads.delete(key));
    }
    return download;
}

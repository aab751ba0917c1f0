// Module hooks of record-packages.mjs: the package of each resolved node_modules URL, to the main thread.
let port;

export function initialize(data) {
  port = data.port;
}

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  const inside = resolved.url.split('/node_modules/').at(-1);
  if (inside !== resolved.url) {
    const parts = inside.split('/');
    port.postMessage(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  return resolved;
}

import { httpClient, percentile, sessionCookie } from "./harness";
async function main() {
  const cookie = await sessionCookie("pm-bench");
  const c = httpClient("http://localhost:3191");
  for (const path of process.argv.slice(2)) {
    const lat: number[] = [];
    for (let i = 0; i < 12; i++) { const t = performance.now(); const r = await c.request("GET", path, { headers: { cookie } }); lat.push(performance.now() - t); if (r.status !== 200) { console.log(path, r.status); break; } if (i === 0) console.log(path, "bytes", r.text.length); }
    lat.sort((a, b) => a - b); console.log(path, "p50", percentile(lat, 50).toFixed(1), "min", lat[0]!.toFixed(1));
  }
  c.close();
}
main();

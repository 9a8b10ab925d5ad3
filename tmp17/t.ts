import neo4j from 'neo4j-driver';
import { planSearch } from '../src/modules/search/search-query';
import { rankCandidates } from '../src/modules/search/search-ranking';
import { readFileSync } from 'node:fs';
(async () => {
  const d = neo4j.driver('bolt://127.0.0.1:7747');
  const q = readFileSync('cypher/search/ranked.cypher', 'utf8');
  const countOnly = "CALL db.index.fulltext.queryNodes('code_search', $lucene) YIELD node WHERE node:Published RETURN count(*) AS n";
  for (const text of ['diab typ 2', 'copd', 'high blood pressure', 'pain', 'fracture of femur', 'wheelchair', 'hip replacement']) {
    const plan = planSearch(text); if (plan.mode !== 'text') continue;
    for (const cand of [300, 100]) {
      const s = d.session({ defaultAccessMode: 'READ' });
      let t = performance.now();
      for (let i = 0; i < 3; i++) await s.run(countOnly, { lucene: plan.lucene });
      const tc = (performance.now() - t) / 3;
      t = performance.now(); let rows: any[] = [];
      for (let i = 0; i < 3; i++) { const r = await s.run(q, { lucene: plan.lucene, systems: null, billableOnly: false, licensed: false, candidates: neo4j.int(cand) }); rows = r.records[0]!.get('candidates'); }
      const tq = (performance.now() - t) / 3;
      t = performance.now(); for (let i = 0; i < 3; i++) rankCandidates(rows.map((c) => ({ ...c, sequence: c.sequence?.toNumber?.() ?? c.sequence })), plan.variants);
      const tr = (performance.now() - t) / 3;
      console.log(text, cand, 'count', tc.toFixed(1), 'query', tq.toFixed(1), 'rank', tr.toFixed(1));
      await s.close();
    }
  }
  await d.close();
})();

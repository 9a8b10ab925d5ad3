// Constraints and indexes, applied at every start (idempotent: IF NOT EXISTS).
CREATE CONSTRAINT code_system_id IF NOT EXISTS FOR (s:CodeSystem) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (o:Organization) REQUIRE o.id IS UNIQUE;
CREATE CONSTRAINT category_id IF NOT EXISTS FOR (c:Category) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT code_key IF NOT EXISTS FOR (c:Code) REQUIRE (c.system, c.code) IS UNIQUE;
CREATE CONSTRAINT release_id IF NOT EXISTS FOR (r:Release) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT pairing_id IF NOT EXISTS FOR (p:Pairing) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (p:Policy) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT pairing_active_key IF NOT EXISTS FOR (p:Pairing) REQUIRE p.activeKey IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT modifier_key IF NOT EXISTS FOR (m:Modifier) REQUIRE (m.system, m.code) IS UNIQUE;
CREATE CONSTRAINT edit_set_id IF NOT EXISTS FOR (s:EditSet) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT contractor_id IF NOT EXISTS FOR (c:Contractor) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT state_abbrev IF NOT EXISTS FOR (s:State) REQUIRE s.abbrev IS UNIQUE;
CREATE CONSTRAINT code_group_id IF NOT EXISTS FOR (g:CodeGroup) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT crosswalk_id IF NOT EXISTS FOR (x:Crosswalk) REQUIRE x.id IS UNIQUE;
CREATE INDEX ptp_edit_set IF NOT EXISTS FOR ()-[e:PTP_EDIT]-() ON (e.setId);
CREATE INDEX maps_to_crosswalk IF NOT EXISTS FOR ()-[m:MAPS_TO]-() ON (m.crosswalk);
CREATE INDEX code_code IF NOT EXISTS FOR (c:Code) ON (c.code);
CREATE INDEX code_sequence IF NOT EXISTS FOR (c:Code) ON (c.sequence);
CREATE INDEX category_system IF NOT EXISTS FOR (c:Category) ON (c.system);
CREATE FULLTEXT INDEX code_text IF NOT EXISTS FOR (c:Code) ON EACH [c.display, c.shortDisplay];
// Search (issue 17): titles plus the tabular list's inclusion terms (Includes notes and inclusionTerm blocks) and the PCS definitions' body-part terms.
CREATE FULLTEXT INDEX code_search IF NOT EXISTS FOR (c:Code) ON EACH [c.display, c.shortDisplay, c.includes, c.inclusionTerms, c.pcsBodyPartTerms];
CALL db.awaitIndexes(300);

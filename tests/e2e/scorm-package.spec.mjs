// The SCORM packages: each zip's imsmanifest.xml holds what the SCORM 1.2 and SCORM 2004 content-packaging
// specifications require of a one-SCO package (checked with the browser's namespace-aware XML parser),
// and the launch file is the single file the build wrote.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launch, DIST } from "./lib.mjs";
import { readZip } from "./zip.mjs";

const PACKAGES = [
  {
    file: "charm-offensive-scorm12.zip", version: "1.2",
    cp: "http://www.imsproject.org/xsd/imscp_rootv1p1p2", adlcp: "http://www.adlnet.org/xsd/adlcp_rootv1p2",
    scormTypeAttr: "scormtype", schemaversion: /^1\.2$/,
  },
  {
    file: "charm-offensive-scorm2004.zip", version: "2004",
    cp: "http://www.imsglobal.org/xsd/imscp_v1p1", adlcp: "http://www.adlnet.org/xsd/adlcp_v1p3",
    scormTypeAttr: "scormType", schemaversion: /^(CAM 1\.3|2004 3rd Edition|2004 4th Edition)$/,
  },
];

let browser, page;
before(async () => { browser = await launch(); page = await (await browser.newContext()).newPage(); });
after(async () => { await browser.close(); });

/** What the manifest says, read with namespaces in the browser (null fields where an element is missing). */
function inspect([xml, { cp, adlcp, scormTypeAttr }]) {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) return { error: doc.getElementsByTagName("parsererror")[0].textContent };
  const kids = (el, name) => [...el.children].filter((c) => c.namespaceURI === cp && c.localName === name);
  const root = doc.documentElement;
  const metadata = kids(root, "metadata")[0];
  const orgs = kids(root, "organizations")[0];
  const resources = kids(root, "resources")[0];
  const organizations = orgs ? kids(orgs, "organization") : [];
  const resourceList = resources ? kids(resources, "resource") : [];
  const ids = [...doc.querySelectorAll("[identifier]")].map((e) => e.getAttribute("identifier"));
  return {
    rootNs: root.namespaceURI, rootName: root.localName, identifier: root.getAttribute("identifier"),
    schema: metadata && kids(metadata, "schema")[0]?.textContent.trim(),
    schemaversion: metadata && kids(metadata, "schemaversion")[0]?.textContent.trim(),
    defaultOrg: orgs?.getAttribute("default") ?? null,
    organizations: organizations.map((o) => ({
      identifier: o.getAttribute("identifier"),
      title: kids(o, "title")[0]?.textContent.trim() ?? "",
      items: kids(o, "item").map((i) => ({
        identifier: i.getAttribute("identifier"), ref: i.getAttribute("identifierref"),
        title: kids(i, "title")[0]?.textContent.trim() ?? "", children: kids(i, "item").length,
      })),
    })),
    resources: resourceList.map((r) => ({
      identifier: r.getAttribute("identifier"), type: r.getAttribute("type"), href: r.getAttribute("href"),
      scormType: r.getAttributeNS(adlcp, scormTypeAttr),
      files: kids(r, "file").map((f) => f.getAttribute("href")),
    })),
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
  };
}

for (const spec of PACKAGES) {
  test(`SCORM ${spec.version}: ${spec.file} is a one-SCO package the content-packaging specification accepts`, async () => {
    const entries = readZip(join(DIST, spec.file));
    assert.ok(entries.has("imsmanifest.xml"), "imsmanifest.xml sits at the package root");
    const { cp, adlcp, scormTypeAttr } = spec;
    const m = await page.evaluate(inspect, [entries.get("imsmanifest.xml").toString("utf8"), { cp, adlcp, scormTypeAttr }]);
    assert.equal(m.error, undefined, `the manifest is well-formed XML: ${m.error}`);
    assert.equal(m.rootName, "manifest");
    assert.equal(m.rootNs, spec.cp, "the manifest is in the content-packaging namespace of its version");
    assert.match(m.identifier ?? "", /^[A-Za-z_][\w.-]*$/, "the manifest has an identifier");
    assert.equal(m.schema, "ADL SCORM");
    assert.match(m.schemaversion ?? "", spec.schemaversion);
    assert.deepEqual(m.duplicateIds, [], "identifiers are unique");
    // Organizations with a default that names one of them; its one item points at one resource.
    assert.equal(m.organizations.length, 1);
    const org = m.organizations[0];
    assert.equal(m.defaultOrg, org.identifier, "organizations has a default naming the organization");
    assert.ok(org.title.length > 0, "the organization has a title");
    assert.equal(org.items.length, 1, "one item");
    const [item] = org.items;
    assert.ok(item.identifier && item.title.length > 0, "the item has an identifier and a title");
    assert.equal(item.children, 0, "the item is a leaf (it launches the SCO)");
    assert.equal(m.resources.length, 1, "one resource");
    const [resource] = m.resources;
    assert.equal(item.ref, resource.identifier, "the item points at the resource");
    assert.equal(resource.type, "webcontent");
    assert.equal(resource.scormType, "sco", `adlcp:${spec.scormTypeAttr}="sco"`);
    assert.equal(resource.href, "charm-offensive.html", "the resource launches the single file");
    assert.ok(resource.files.includes(resource.href), "the launch file is listed as a file of the resource");
    for (const f of resource.files) assert.ok(entries.has(f), `${f} is in the package`);
    assert.deepEqual([...entries.keys()].sort(), ["charm-offensive.html", "imsmanifest.xml"], "nothing else in the package");
    assert.ok(entries.get("charm-offensive.html").equals(readFileSync(join(DIST, "charm-offensive.html"))),
      "the packaged file is the single file of this build");
  });
}

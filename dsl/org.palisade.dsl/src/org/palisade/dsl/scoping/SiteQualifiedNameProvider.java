package org.palisade.dsl.scoping;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.Assignment;
import org.eclipse.xtext.CrossReference;
import org.eclipse.xtext.GrammarUtil;
import org.eclipse.xtext.Keyword;
import org.eclipse.xtext.naming.IQualifiedNameProvider;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.palisade.model.site.Area;
import org.palisade.model.site.CatalogEntry;
import org.palisade.model.site.Section;
import org.palisade.model.site.Site;
import org.palisade.model.site.SitePackage;
import org.palisade.model.util.SiteMembers;

/**
 * Names as the index sees them.
 * <ul>
 * <li>Catalog entries and sites are global, by their plain name (no dots are split:
 * "Beacon 12V 0.5W" is one segment).</li>
 * <li>Devices, schedules, recipients and networks are named within their site:
 * {@code "Harbour Depot".North1}, whether they are written in the site itself or in one
 * of its areas. An area's site is read from the text of its {@code of "..."} clause, so
 * that indexing never has to resolve a cross-reference.</li>
 * <li>Everything else (ports, scenarios, terminals, clips) is local to its device and
 * not exported.</li>
 * </ul>
 */
public class SiteQualifiedNameProvider extends IQualifiedNameProvider.AbstractImpl {

	@Override
	public QualifiedName getFullyQualifiedName(EObject obj) {
		if (obj instanceof CatalogEntry entry) {
			return single(entry.getName());
		}
		if (obj instanceof Site site) {
			return single(site.getName());
		}
		String member = SiteMembers.name(obj);
		if (member != null && obj.eContainer() instanceof Section section) {
			String site = siteName(section);
			return site == null ? null : QualifiedName.create(site, member);
		}
		return null;
	}

	/**
	 * @return the name of the site a section belongs to, without resolving anything, or
	 *         null while the text is incomplete
	 */
	public static String siteName(Section section) {
		if (section instanceof Site site) {
			return site.getName();
		}
		if (section instanceof Area area) {
			INode siteNode = siteNode(area);
			if (siteNode != null) {
				String text = NodeModelUtils.getTokenText(siteNode).trim();
				if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
					return text.substring(1, text.length() - 1);
				}
			}
			// A model built in memory (diagram edit, test) has no node model.
			Site site = area.getSite();
			return site != null && !site.eIsProxy() ? site.getName() : null;
		}
		return null;
	}

	/**
	 * The node of {@code of "<site>"}, found among the area's first nodes: every member of an
	 * area asks for it, so it must not cost a walk over the whole area.
	 */
	private static INode siteNode(Area area) {
		ICompositeNode node = NodeModelUtils.getNode(area);
		if (node == null) {
			return null;
		}
		for (INode child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
			EObject element = child.getGrammarElement();
			if (element instanceof CrossReference) {
				Assignment assignment = GrammarUtil.containingAssignment(element);
				if (assignment != null && SitePackage.Literals.AREA__SITE.getName().equals(assignment.getFeature())) {
					return child;
				}
			}
			if (element instanceof Keyword keyword && "{".equals(keyword.getValue())) {
				// The members start here: the clause is missing.
				return null;
			}
		}
		return null;
	}

	private static QualifiedName single(String name) {
		return name == null || name.isEmpty() ? null : QualifiedName.create(name);
	}
}

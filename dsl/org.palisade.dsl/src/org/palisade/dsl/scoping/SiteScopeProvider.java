package org.palisade.dsl.scoping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.EcoreUtil2;
import org.eclipse.xtext.naming.IQualifiedNameConverter;
import org.eclipse.xtext.naming.QualifiedName;
import org.eclipse.xtext.resource.EObjectDescription;
import org.eclipse.xtext.resource.IEObjectDescription;
import org.eclipse.xtext.resource.IResourceDescription;
import org.eclipse.xtext.scoping.IGlobalScopeProvider;
import org.eclipse.xtext.scoping.IScope;
import org.eclipse.xtext.scoping.Scopes;
import org.eclipse.xtext.scoping.impl.MapBasedScope;
import org.eclipse.xtext.util.IResourceScopeCache;
import org.eclipse.xtext.util.Tuples;
import org.palisade.model.site.ApplicationInstance;
import org.palisade.model.site.ApplicationTrigger;
import org.palisade.model.site.Design;
import org.palisade.model.site.Device;
import org.palisade.model.site.DeviceType;
import org.palisade.model.site.Scenario;
import org.palisade.model.site.Section;
import org.palisade.model.site.SitePackage;
import org.palisade.model.site.TerminalEndpoint;

import com.google.common.base.Predicates;
import com.google.inject.Inject;

/**
 * Scopes of the perimeter language.
 * <ul>
 * <li>Devices, schedules, recipients and networks are found by simple name among the
 * members of the same site, whichever file (the site or one of its areas) declares
 * them.</li>
 * <li>Ports are found by their name among the ports of the device that holds the rule;
 * scenarios among the device's applications; terminals among those of the wired
 * peripheral's catalog entry.</li>
 * <li>Catalog entries and sites: the default (this file, its imports, the built-in
 * catalogs).</li>
 * </ul>
 * Site-member scopes are hash-based and cached per resource, so linking a site of
 * thousands of devices stays linear.
 */
public class SiteScopeProvider extends AbstractSiteScopeProvider {

	private static final SitePackage P = SitePackage.eINSTANCE;

	/** Cache key of the site members declared in one file. */
	private static final String MEMBERS_IN_FILE = SiteScopeProvider.class.getName() + ".membersInFile";

	@Inject
	private IResourceScopeCache cache;

	@Inject
	private IGlobalScopeProvider globalScopeProvider;

	@Inject
	private IResourceDescription.Manager descriptionManager;

	@Inject
	private IQualifiedNameConverter nameConverter;

	@Override
	public IScope getScope(EObject context, EReference reference) {
		if (reference == P.getInputTrigger_Port() || reference == P.getInputCondition_Port()
				|| reference == P.getOutputAction_Port()) {
			return portScope(context);
		}
		if (reference == P.getApplicationTrigger_Scenario()) {
			return scenarioScope(context);
		}
		if (reference == P.getTerminalEndpoint_Terminal()) {
			return terminalScope(context);
		}
		if (isSiteMemberReference(reference)) {
			return siteMemberScope(context, reference);
		}
		if (isGlobalNameReference(reference)) {
			Resource resource = context.eResource();
			return cache.get(Tuples.create(SiteScopeProvider.class, reference.getEReferenceType()), resource,
					() -> buildGlobalNameScope(resource, reference));
		}
		return super.getScope(context, reference);
	}

	/** Catalog entries and sites: named globally, by one plain name. */
	private static boolean isGlobalNameReference(EReference reference) {
		return reference == P.getDevice_Type() || reference == P.getApplicationInstance_Type()
				|| reference == P.getApplicationTrigger_Application() || reference == P.getDeviceType_Applications()
				|| reference == P.getArea_Site();
	}

	/**
	 * One hash-based scope per resource and type, instead of the default local scope
	 * that walks the containers of every reference: linking stays linear in the size
	 * of the design.
	 */
	private IScope buildGlobalNameScope(Resource resource, EReference reference) {
		List<IEObjectDescription> entries = new ArrayList<>();
		for (IEObjectDescription d : descriptionManager.getResourceDescription(resource)
				.getExportedObjectsByType(reference.getEReferenceType())) {
			entries.add(d);
		}
		IScope global = globalScopeProvider.getScope(resource, reference, Predicates.alwaysTrue());
		for (IEObjectDescription d : global.getAllElements()) {
			entries.add(d);
		}
		return MapBasedScope.createScope(IScope.NULLSCOPE, entries);
	}

	private static boolean isSiteMemberReference(EReference reference) {
		return reference == P.getTerminalEndpoint_Device() || reference == P.getRecipient_Speaker()
				|| reference == P.getScheduleCondition_Schedule() || reference == P.getNotifyAction_Recipient()
				|| reference == P.getDevice_Network() || reference == P.getPtzAction_Ptz()
				|| reference == P.getDoorAction_Controller() || reference == P.getScheduleTrigger_Schedule()
				|| reference == P.getAlertAction_Vms() || reference == P.getVmsRecording_Camera();
	}

	private static IScope portScope(EObject context) {
		Device device = EcoreUtil2.getContainerOfType(context, Device.class);
		if (device == null) {
			return IScope.NULLSCOPE;
		}
		return Scopes.scopeFor(device.getPorts(), p -> p.getName() == null ? null : QualifiedName.create(p.getName()),
				IScope.NULLSCOPE);
	}

	private static IScope scenarioScope(EObject context) {
		Device device = EcoreUtil2.getContainerOfType(context, Device.class);
		if (device == null) {
			return IScope.NULLSCOPE;
		}
		ApplicationTrigger trigger = EcoreUtil2.getContainerOfType(context, ApplicationTrigger.class);
		List<Scenario> scenarios = new ArrayList<>();
		for (ApplicationInstance app : device.getApplications()) {
			// Only the scenarios of the application that raises the event.
			if (trigger == null || trigger.getApplication() == null || trigger.getApplication() == app.getType()) {
				scenarios.addAll(app.getScenarios());
			}
		}
		return Scopes.scopeFor(scenarios, s -> s.getName() == null ? null : QualifiedName.create(s.getName()),
				IScope.NULLSCOPE);
	}

	private static IScope terminalScope(EObject context) {
		if (!(context instanceof TerminalEndpoint endpoint) || endpoint.getDevice() == null
				|| endpoint.getDevice().eIsProxy()) {
			return IScope.NULLSCOPE;
		}
		DeviceType type = endpoint.getDevice().getType();
		if (type == null || type.eIsProxy()) {
			return IScope.NULLSCOPE;
		}
		return Scopes.scopeFor(type.getTerminals(), t -> t.getName() == null ? null : QualifiedName.create(t.getName()),
				IScope.NULLSCOPE);
	}

	private IScope siteMemberScope(EObject context, EReference reference) {
		Section section = EcoreUtil2.getContainerOfType(context, Section.class);
		String site = section == null ? null : SiteQualifiedNameProvider.siteName(section);
		if (site == null) {
			return IScope.NULLSCOPE;
		}
		Resource resource = context.eResource();
		return cache.get(Tuples.create(SiteScopeProvider.class, site, reference.getEReferenceType()), resource,
				() -> buildSiteMemberScope(resource, site, reference));
	}

	private IScope buildSiteMemberScope(Resource resource, String site, EReference reference) {
		QualifiedName prefix = QualifiedName.create(site);
		List<IEObjectDescription> members = new ArrayList<>();
		// This file first: its own declarations shadow same-named ones of other files.
		for (IEObjectDescription d : descriptionManager.getResourceDescription(resource)
				.getExportedObjectsByType(reference.getEReferenceType())) {
			addMember(members, d, prefix);
		}
		IScope global = globalScopeProvider.getScope(resource, reference, Predicates.alwaysTrue());
		for (IEObjectDescription d : global.getAllElements()) {
			addMember(members, d, prefix);
		}
		return MapBasedScope.createScope(IScope.NULLSCOPE, members);
	}

	/**
	 * Finds, without resolving any proxy, what a reference names when the answer lies in the
	 * referring file or in what cannot be half-loaded: a site member declared in this file
	 * (which shadows same-named members of other files, as in {@link #getScope}), a port of
	 * the rule's device, a terminal of a linked peripheral's catalog entry, or a catalog entry
	 * of this file or a built-in catalog when the file imports nothing. The linker uses it to
	 * link such references at once instead of installing proxies; anything else is left to
	 * the lazy path.
	 *
	 * @return the element the scope would give for this name, or null if only the full
	 *         scope can tell
	 */
	public EObject findInFile(EObject context, EReference reference, String name) {
		if (name == null) {
			return null;
		}
		if (reference == P.getInputTrigger_Port() || reference == P.getInputCondition_Port()
				|| reference == P.getOutputAction_Port()) {
			return single(portScope(context), name);
		}
		if (reference == P.getTerminalEndpoint_Terminal()) {
			return terminalInFile(context, name);
		}
		if (isGlobalNameReference(reference)) {
			return globalNameInFile(context, reference, name);
		}
		if (!isSiteMemberReference(reference)) {
			return null;
		}
		Section section = EcoreUtil2.getContainerOfType(context, Section.class);
		String site = section == null ? null : SiteQualifiedNameProvider.siteName(section);
		Resource resource = context.eResource();
		if (site == null || resource == null) {
			return null;
		}
		Map<String, EObject> members = cache.get(Tuples.create(MEMBERS_IN_FILE, site, reference.getEReferenceType()), resource, () -> membersInFile(resource, site, reference));
		return members.get(name);
	}

	/**
	 * A catalog entry or a site, for a file that imports nothing: then the scope is this
	 * file and the built-in catalogs, which import nothing themselves, so looking it up now
	 * loads nothing that could be half-loaded. (With imports, an imported file may be the
	 * one loading this one; the lazy path waits until everything is loaded.)
	 */
	private EObject globalNameInFile(EObject context, EReference reference, String name) {
		Resource resource = context.eResource();
		if (resource == null || resource.getContents().isEmpty()
				|| !(resource.getContents().get(0) instanceof Design design) || !design.getImports().isEmpty()) {
			return null;
		}
		return single(getScope(context, reference), name);
	}

	/** A terminal of the wired peripheral's catalog entry, once both are linked. */
	private EObject terminalInFile(EObject context, String name) {
		if (!(context instanceof TerminalEndpoint endpoint)
				|| !(endpoint.eGet(P.getTerminalEndpoint_Device(), false) instanceof Device device) || device.eIsProxy()
				|| !(device.eGet(P.getDevice_Type(), false) instanceof DeviceType type) || type.eIsProxy()) {
			return null;
		}
		// Both are linked, so the scope resolves nothing.
		return single(terminalScope(context), name);
	}

	/**
	 * @return what a scope gives for a name as the linker reads it, if it is an element rather
	 *         than a proxy
	 */
	private EObject single(IScope scope, String name) {
		IEObjectDescription found = scope.getSingleElement(nameConverter.toQualifiedName(name));
		EObject target = found == null ? null : found.getEObjectOrProxy();
		return target == null || target.eIsProxy() ? null : target;
	}

	private Map<String, EObject> membersInFile(Resource resource, String site, EReference reference) {
		QualifiedName prefix = QualifiedName.create(site);
		Map<String, EObject> members = new HashMap<>();
		for (IEObjectDescription d : descriptionManager.getResourceDescription(resource)
				.getExportedObjectsByType(reference.getEReferenceType())) {
			if (isMemberOf(d.getName(), prefix) && !d.getEObjectOrProxy().eIsProxy()) {
				// The first declaration wins, as in the scope.
				members.putIfAbsent(d.getName().getLastSegment(), d.getEObjectOrProxy());
			}
		}
		return members;
	}

	private static void addMember(List<IEObjectDescription> members, IEObjectDescription d, QualifiedName site) {
		if (isMemberOf(d.getName(), site)) {
			members.add(EObjectDescription.create(d.getName().getLastSegment(), d.getEObjectOrProxy(),
					Collections.emptyMap()));
		}
	}

	/** Members are indexed as {@code "<site>".<name>} (see {@link SiteQualifiedNameProvider}). */
	private static boolean isMemberOf(QualifiedName name, QualifiedName site) {
		return name.getSegmentCount() == 2 && name.startsWith(site);
	}
}

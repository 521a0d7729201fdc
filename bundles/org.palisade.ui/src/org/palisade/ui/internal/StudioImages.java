package org.palisade.ui.internal;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.ide.IDE;
import org.osgi.framework.Bundle;

/**
 * The shared images the IDE's views ask the workbench for (open and closed projects, problem
 * severities). Eclipse's own IDE application declares them; a product with its own workbench
 * advisor must, or the Project Explorer and the Problems view show no icons.
 */
final class StudioImages {

	private static final String IDE_BUNDLE = "org.eclipse.ui.ide";

	private StudioImages() {
	}

	static void declare(IWorkbenchConfigurer configurer) {
		Bundle ide = Platform.getBundle(IDE_BUNDLE);
		if (ide == null) {
			return;
		}
		declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT, "icons/full/obj16/prj_obj.svg", true);
		declare(configurer, ide, IDE.SharedImages.IMG_OBJ_PROJECT_CLOSED, "icons/full/obj16/cprj_obj.svg", true);
		declare(configurer, ide, "IMG_OBJS_ERROR_PATH", "icons/full/obj16/error_tsk.svg", true);
		declare(configurer, ide, "IMG_OBJS_WARNING_PATH", "icons/full/obj16/warn_tsk.svg", true);
		declare(configurer, ide, "IMG_OBJS_INFO_PATH", "icons/full/obj16/info_tsk.svg", true);
	}

	private static void declare(IWorkbenchConfigurer configurer, Bundle bundle, String key, String path, boolean shared) {
		ImageDescriptor descriptor = ImageDescriptor.createFromURL(bundle.getEntry(path));
		configurer.declareImage(key, descriptor, shared);
	}
}

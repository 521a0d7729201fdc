#!/usr/bin/env python3
"""Rewrites the genClasses/genEnums of a .genmodel from its .ecore.

EcoreGenerator (the MWE2 step of the build) reconciles a genmodel but never adds the
GenClass of a new EClass, so after editing site.ecore run:
    releng/tools/sync-genmodel.py bundles/org.palisade.model/model/site.genmodel
The genmodel's own settings (the root element's attributes) are kept as they are.
"""
import re
import sys
import xml.etree.ElementTree as ET

XSI = '{http://www.w3.org/2001/XMLSchema-instance}type'


def main(genmodel_path):
    text = open(genmodel_path, encoding='utf-8').read()
    ecore_name = re.search(r'<foreignModel>([^<]+)</foreignModel>', text).group(1)
    ecore_path = genmodel_path.rsplit('/', 1)[0] + '/' + ecore_name
    pkg = ET.parse(ecore_path).getroot()
    lines = []
    for c in pkg.findall('eClassifiers'):
        kind = c.get(XSI).split(':')[1]
        ref = f'{ecore_name}#//{c.get("name")}'
        if kind == 'EEnum':
            lines.append(f'    <genEnums typeSafeEnumCompatible="false" ecoreEnum="{ref}">')
            for lit in c.findall('eLiterals'):
                lines.append(f'      <genEnumLiterals ecoreEnumLiteral="{ref}/{lit.get("name")}"/>')
            lines.append('    </genEnums>')
        elif kind == 'EClass':
            abstract = ' image="false"' if c.get('abstract') == 'true' else ''
            lines.append(f'    <genClasses{abstract} ecoreClass="{ref}">')
            for f in c.findall('eStructuralFeatures'):
                fref = f'{ref}/{f.get("name")}'
                if f.get(XSI) == 'ecore:EAttribute':
                    lines.append(f'      <genFeatures createChild="false" ecoreFeature="ecore:EAttribute {fref}"/>')
                elif f.get('containment') == 'true':
                    lines.append(f'      <genFeatures property="None" children="true" createChild="true" ecoreFeature="ecore:EReference {fref}"/>')
                else:
                    lines.append(f'      <genFeatures notify="false" createChild="false" propertySortChoices="true" ecoreFeature="ecore:EReference {fref}"/>')
            lines.append('    </genClasses>')
    body = '\n'.join(lines)
    new = re.sub(r'(<genPackages[^>]*>).*?(\s*</genPackages>)', lambda m: m.group(1) + '\n' + body + m.group(2),
                 text, flags=re.S)
    open(genmodel_path, 'w', encoding='utf-8').write(new)


if __name__ == '__main__':
    main(sys.argv[1])

// FHIR R4 types, re-exported under short names so the rest of the code does not depend on the namespace.
export type Questionnaire = fhir4.Questionnaire;
export type QuestionnaireItem = fhir4.QuestionnaireItem;
export type QuestionnaireItemAnswerOption = fhir4.QuestionnaireItemAnswerOption;
export type QuestionnaireItemEnableWhen = fhir4.QuestionnaireItemEnableWhen;
export type QuestionnaireResponse = fhir4.QuestionnaireResponse;
export type QuestionnaireResponseItem = fhir4.QuestionnaireResponseItem;
export type QuestionnaireResponseItemAnswer = fhir4.QuestionnaireResponseItemAnswer;
export type ValueSet = fhir4.ValueSet;
export type Coding = fhir4.Coding;
export type Quantity = fhir4.Quantity;
export type Attachment = fhir4.Attachment;
export type Reference = fhir4.Reference;
export type Extension = fhir4.Extension;
export type Element = fhir4.Element;
export type Expression = fhir4.Expression;
export type Resource = fhir4.Resource;
export type FhirResource = fhir4.FhirResource;

/** The control API's request and response types, generated from spec/control-api.yaml. */
import type { components } from '../../../spec/generated/control-api';

type Schemas = components['schemas'];
export type ControlPayment = Schemas['ControlPayment'];
export type ControlMerchant = Schemas['ControlMerchant'];
export type ClockState = Schemas['Clock'];
export type ClockAdvanceRequest = Schemas['ClockAdvanceRequest'];
export type ResetRequest = Schemas['ResetRequest'];
export type StateImported = Schemas['StateImported'];
export type PartnerCreateRequest = Schemas['PartnerCreateRequest'];
export type PartnerCreated = Schemas['PartnerCreated'];
export type Delivery = Schemas['Delivery'];
export type DeliveryList = Schemas['DeliveryList'];
export type FlushResult = Schemas['FlushResult'];
export type RequestLog = Schemas['RequestLog'];
export type FaultRequest = Schemas['FaultRequest'];
export type Fault = Schemas['Fault'];
export type FaultList = Schemas['FaultList'];
export type FaultsCleared = Schemas['FaultsCleared'];
export type Health = Schemas['Health'];
export type Ok = Schemas['Ok'];
export type DeliveryDetail = Schemas['DeliveryDetail'];
export type RequestDetail = Schemas['RequestDetail'];
export type EventBacklog = Schemas['EventBacklog'];
export type Receiver = Schemas['Receiver'];
export type ReceiverUpdate = Schemas['ReceiverUpdate'];

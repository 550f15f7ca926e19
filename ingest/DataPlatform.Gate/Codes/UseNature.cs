namespace DataPlatform.Gate;

/// <summary>使用性质. Each value is its one-letter code.</summary>
public enum UseNature
{
    NonOperating = 'A',
    HighwayPassenger = 'B',
    PublicTransit = 'C',
    Taxi = 'D',
    Tourism = 'E',
    Freight = 'F',
    Rental = 'G',
    Police = 'H',
    FireFighting = 'I',
    Ambulance = 'J',
    EngineeringRescue = 'K',
    OperatingToNonOperating = 'L',
    TaxiToNonOperating = 'M',
    DrivingSchool = 'N',
    KindergartenBus = 'O',
    PrimarySchoolBus = 'P',
    JuniorHighSchoolBus = 'Q',

    /// <summary>R 危险品运输: the hazardous-chemicals vehicles that chemical plants trace from booking to exit.</summary>
    DangerousGoods = 'R',
    SchoolBus = 'S',
    Other = 'Z',
}

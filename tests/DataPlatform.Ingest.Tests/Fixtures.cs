using System.Text;
using DataPlatform.Gate;
using DataPlatform.Ingest.Adapters;
using DataPlatform.Ingest.Devices;

namespace DataPlatform.Ingest.Tests;

/// <summary>
/// Payloads shaped like the real devices'. Sources (public protocol descriptions):
/// <list type="bullet">
/// <item>Hikvision: "Device Network SDK (Traffic) Developer Guide V6.1.4.X" (2022), message
/// XML_EventNotificationAlert_ANPR (fields ipAddress, portNo, protocol, macAddress, channelID, dateTime
/// "2017-04-22T15:39:01+08:00", activePostCount, eventType "ANPR", eventState, eventDescription, ANPR block), and
/// Hikvision's ISAPI ANPR metadata page (enpinfo.hikvision.com, GUID-9A02D489…) for the value names of
/// direction (forward/reverse), plateColor (yellow …), vehicleType (largeBus …) and confidence (0–100). The
/// multipart shape (anpr.xml + licensePlatePicture.jpg + detectionPicture.jpg) is what the ISAPI "HTTP
/// listening" push sends, as handled by e.g. node-red-contrib-hikvision-ultimate.</item>
/// <item>Dahua ITC push: POST /NotificationInfo/TollgateInfo with Picture.Plate.{PlateNumber, PlateColor,
/// Confidence}, Picture.SnapInfo.{DeviceID, AccurateTime "2026-02-10 09:30:45", SnapTime, Direction, LanNo},
/// Picture.Vehicle.{VehicleType "SaloonCar", VehicleColor}, Picture.{NormalPic, VehiclePic, CutoutPic}.Content
/// (base64 JPEG); POST /NotificationInfo/KeepAlive with {"Active":true,"DeviceID":…} — as documented in public
/// LPR push integration guides and receivers on GitHub.</item>
/// </list>
/// </summary>
public static class Fixtures
{
    /// <summary>"Now" for every pure test: the mappers judge pass times against it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, ChinaTime.Offset);

    public const int MaxPicture = 256 * 1024;

    public static DeviceRegistration Hikvision { get; } =
        new("cam-hik-01", DeviceKind.CameraHikvision, "E1302001", "G01", "L1", Direction.In, "hik-token", "", 100);

    public static DeviceRegistration Dahua { get; } =
        new("cam-dh-02", DeviceKind.CameraDahua, "E1302001", "G02", "L2", Direction.Out, "", "dh-secret", 100);

    /// <summary>A minimal but real JPEG header (SOI, APP0 JFIF) followed by filler and EOI.</summary>
    public static byte[] Jpeg(int seed = 0, int size = 600)
    {
        var bytes = new byte[size];
        byte[] head = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00];
        head.CopyTo(bytes, 0);
        new Random(seed).NextBytes(bytes.AsSpan(head.Length, size - head.Length - 2));
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static string HikvisionXml(
        string plate = "冀B12345", string color = "yellow", string dateTime = "2026-11-28T10:15:30+08:00",
        string confidence = "97", string direction = "forward", string vehicleType = "largeBus", string eventType = "ANPR") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <EventNotificationAlert version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
        <ipAddress>192.168.1.64</ipAddress>
        <portNo>80</portNo>
        <protocol>HTTP</protocol>
        <macAddress>44:19:b6:00:00:01</macAddress>
        <channelID>1</channelID>
        <dateTime>{dateTime}</dateTime>
        <activePostCount>1</activePostCount>
        <eventType>{eventType}</eventType>
        <eventState>active</eventState>
        <eventDescription>ANPR</eventDescription>
        <channelName>Gate 1 in</channelName>
        <ANPR>
        <country>3</country>
        <licensePlate>{plate}</licensePlate>
        <line>1</line>
        <direction>{direction}</direction>
        <confidenceLevel>{confidence}</confidenceLevel>
        <plateType>unknown</plateType>
        <plateColor>{color}</plateColor>
        <licenseBright>0</licenseBright>
        <vehicleType>{vehicleType}</vehicleType>
        <detectDir>8</detectDir>
        <detectType>0</detectType>
        <vehicleInfo><index>1</index><colorDepth>2</colorDepth><color>white</color><length>0</length></vehicleInfo>
        <pictureInfoList>
        <pictureInfo><fileName>licensePlatePicture.jpg</fileName><type>licensePlatePicture</type><dataType>0</dataType></pictureInfo>
        <pictureInfo><fileName>detectionPicture.jpg</fileName><type>detectionPicture</type><dataType>0</dataType></pictureInfo>
        </pictureInfoList>
        </ANPR>
        </EventNotificationAlert>
        """;

    public static string HikvisionJson(string plate = "冀B12345", string color = "yellow", string dateTime = "2026-11-28T10:15:30+08:00") => $$$"""
        {"ipAddress":"192.168.1.64","portNo":80,"protocol":"HTTP","macAddress":"44:19:b6:00:00:01","channelID":1,
         "dateTime":"{{{dateTime}}}","activePostCount":1,"eventType":"ANPR","eventState":"active","eventDescription":"ANPR",
         "ANPR":{"licensePlate":"{{{plate}}}","line":1,"direction":"forward","confidenceLevel":97,"plateColor":"{{{color}}}",
                 "vehicleType":"largeBus","pictureInfoList":[{"fileName":"licensePlatePicture.jpg","type":"licensePlatePicture"}]}}
        """;

    public const string Boundary = "MIME_boundary_hik";

    public static string MultipartContentType => $"multipart/form-data; boundary={Boundary}";

    public static byte[] HikvisionMultipart(string xml, params byte[][] pictures)
    {
        var parts = new List<MultipartPart> { new("anpr.xml", "anpr.xml", "application/xml", Encoding.UTF8.GetBytes(xml)) };
        string[] names = ["licensePlatePicture.jpg", "detectionPicture.jpg", "vehiclePicture.jpg"];
        for (var i = 0; i < pictures.Length; i++) parts.Add(new(names[i % names.Length], names[i % names.Length], "image/jpeg", pictures[i]));
        return Multipart.Write(Boundary, parts);
    }

    public static string DahuaJson(
        string plate = "冀B12345", string color = "Yellow", string time = "2026-11-28 10:15:30.123", string confidence = "90",
        string deviceId = "cam-dh-02", string vehicleType = "LargeTruck", byte[]? normal = null, byte[]? cutout = null)
    {
        string Pic(string role, byte[]? bytes) => bytes is null ? "" : $",\"{role}\":{{\"Content\":\"{Convert.ToBase64String(bytes)}\",\"PicName\":\"{role}.jpg\"}}";
        return $$$"""
            {"Picture":{
              "Plate":{"PlateNumber":"{{{plate}}}","PlateColor":"{{{color}}}","Confidence":{{{confidence}}},"IsExist":true,"UploadNum":1},
              "SnapInfo":{"DeviceID":"{{{deviceId}}}","AccurateTime":"{{{time}}}","SnapTime":"{{{time[..19]}}}","Direction":"Obverse","LanNo":2,"SnapAddress":"二号门"},
              "Vehicle":{"VehicleType":"{{{vehicleType}}}","VehicleColor":"Blue","Speed":8}{{{Pic("NormalPic", normal)}}}{{{Pic("CutoutPic", cutout)}}}}}
            """;
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
